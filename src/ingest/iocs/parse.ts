// Plain IOC lists (one indicator per line, # comments) and IOC CSVs with a header (the header may be the
// last comment line before the data, as abuse.ch feeds write it). Bad lines become rejects with line numbers.
import { basename } from 'node:path';
import type { Reject } from '../../core/types.ts';
import type { ParseOptions, ParserInput, RecordBatch } from '../contract.ts';
import { WrongFormatError } from '../contract.ts';
import { lines } from '../lines.ts';
import type { Row } from '../../store/store.ts';
import { mapHeader, type IocField } from './columns.ts';
import { splitCsvLine } from './csv.ts';
import { entryRows, type Entry, type EntryDefaults } from './record.ts';
import { parseTlp } from './tlp.ts';

const BATCH = 5000;
/** A file whose first this-many data lines are all rejects is not an IOC list at all. */
const GIVE_UP_AFTER = 50;

export async function* parseIocList(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const defaults: EntryDefaults = { source: opts.source ?? basename(opts.file), tlp: parseTlp(opts.tlp) ?? 'amber' };
  let header: Partial<Record<IocField, number>> | null = null;
  let delim = ',';
  let lastComment: string | null = null;
  let seenData = false, accepted = 0, failed = 0;
  let batch = newBatch();
  const actorsSeen = new Set<string>();
  for await (const line of lines(input.open())) {
    const text = line.text.trim();
    if (text.includes('\u0000')) throw new WrongFormatError('binary data, not an IOC list', line.no);
    if (text === '' || text.startsWith('#') || text.startsWith('//')) {
      if (!seenData && text.startsWith('#')) lastComment = text;
      continue;
    }
    if (!seenData) {
      seenData = true;
      const found = detectHeader(text, lastComment);
      if (found) {
        ({ header, delim } = found);
        if (found.fromLine) continue;
      }
    }
    batch.read++;
    const entry = header ? csvEntry(text, header, delim) : plainEntry(text);
    const rows = typeof entry === 'string' ? entry : entryRows(entry, defaults);
    if (typeof rows === 'string') {
      failed++;
      batch.rejects.push(reject(opts.file, line.no, rows, line.text));
      if (accepted === 0 && failed >= GIVE_UP_AFTER) {
        throw new WrongFormatError(`not an IOC list: the first ${failed} entries are not indicators (first: ${batch.rejects[0].reason})`, batch.rejects[0].line);
      }
    } else {
      accepted++;
      (batch.rows.indicators ??= []).push(rows.indicator);
      if (rows.actor && !actorsSeen.has(rows.actor.id as string)) {
        actorsSeen.add(rows.actor.id as string);
        (batch.rows.intel_objects ??= []).push(rows.actor);
      }
    }
    if (batch.read >= BATCH) { batch.bytesDone = line.bytesDone; yield batch; batch = newBatch(); }
  }
  if (accepted === 0 && failed > 0) throw new WrongFormatError(`not an IOC list: none of ${failed} entries is an indicator (first: ${batch.rejects[0]?.reason ?? 'see rejects'})`, batch.rejects[0]?.line);
  if (batch.read > 0) yield batch;
}

function newBatch(): RecordBatch & { rows: { indicators?: Row[]; intel_objects?: Row[] } } {
  return { rows: {}, read: 0, rejects: [] };
}

function reject(file: string, line: number, reason: string, raw: string): Reject {
  return { file, line, reason, raw: raw.slice(0, 200) };
}

function detectHeader(first: string, lastComment: string | null): { header: Partial<Record<IocField, number>>; delim: string; fromLine: boolean } | null {
  for (const delim of [',', '\t', ';']) {
    const own = first.includes(delim) ? splitCsvLine(first, delim) : null;
    const ownHeader = own ? mapHeader(own) : null;
    if (ownHeader) return { header: ownHeader, delim, fromLine: true };
    const commented = lastComment?.includes(delim) ? splitCsvLine(lastComment.replace(/^#\s*/, ''), delim) : null;
    const cHeader = commented ? mapHeader(commented) : null;
    if (cHeader && first.includes(delim)) return { header: cHeader, delim, fromLine: false };
  }
  return null;
}

function csvEntry(text: string, header: Partial<Record<IocField, number>>, delim: string): Entry | string {
  const cells = splitCsvLine(text, delim);
  if (!cells) return 'unbalanced quotes in CSV record';
  const e: Entry = {};
  for (const [field, i] of Object.entries(header) as Array<[IocField, number]>) if (cells[i] !== undefined) e[field] = cells[i];
  if (!e.value) return `no value in column ${header.value! + 1}`;
  return e;
}

/** A plain line: the indicator, optionally followed by whitespace and a trailing comment. */
function plainEntry(text: string): Entry {
  const value = text.replace(/\s+(#|\/\/).*$/, '').split(/\s+/)[0];
  return { value };
}
