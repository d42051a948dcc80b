// Ingest of one file into a case: receive (hash + copy + ledger) → detect → load (bulk path or parser)
// → reconcile rows read = stored + rejected → seal with an `evidence` row and a ledger entry.
// Rows carry the evidence id, so a run killed half-way leaves rows that the next run removes.
import { InputError } from '../../core/errors.ts';
import type { Reject } from '../../core/types.ts';
import type { FormatName, ParseOptions } from '../../ingest/contract.ts';
import { WrongFormatError } from '../../ingest/contract.ts';
import { detectFormat, openInput } from '../../ingest/detect.ts';
import { FORMATS } from '../../ingest/formats.ts';
import { DataLineCounter } from '../../ingest/line-counter.ts';
import { classifyRow, type OrgMatcher } from '../../ingest/org-matcher.ts';
import type { TableName } from '../../store/schema.ts';
import type { Row } from '../../store/store.ts';
import type { Case } from '../case.ts';
import { progress } from '../progress.ts';
import { loadOrgMatcher } from './org-directory.ts';
import { phaseClock, type IngestTimings } from './timings.ts';
import { tryZeekBulk } from './zeek-bulk.ts';

export interface IngestOptions extends Omit<ParseOptions, 'file'> {
  format?: FormatName | 'auto';
  quiet?: boolean;
  /** Filled with per-phase wall-clock times when given. */
  timings?: IngestTimings;
}

export interface IngestResult {
  file: string;
  status: 'ingested' | 'duplicate';
  format?: string;
  evidenceId: string;
  read: number;
  stored: number;
  rejected: number;
  tables: Record<string, number>;
  reason?: string;
  path?: 'bulk' | 'parser';
  /** The first rejected row, so the command line can say why without opening the case. */
  firstReject?: Reject;
}

interface Loaded { read: number; rejected: number; tables: Record<string, number>; path: 'bulk' | 'parser'; firstReject?: Reject }

const CLASSIFIED = new Set<string>(['flows', 'dns', 'tls']);
const REJECT_RAW_MAX = 200;

export async function ingestFile(kase: Case, path: string, opts: IngestOptions): Promise<IngestResult> {
  const { store, ledger } = kase;
  const lap = phaseClock(opts.timings);
  const lines = new DataLineCounter();
  const received = await ledger.receive(path, (chunk) => lines.push(chunk));
  if (opts.timings) Object.assign(opts.timings.ms, received.ms);
  lap();
  const evidenceId = received.sha256;
  const ledgerBase = { sha256: evidenceId, name: path, bytes: received.bytes, copy: received.copy };
  const base = { file: path, evidenceId, read: 0, stored: 0, rejected: 0, tables: {} };
  if ((await store.count('evidence', { column: 'id', value: evidenceId })) > 0) {
    ledger.record({ action: 'duplicate', ...ledgerBase });
    return { ...base, status: 'duplicate', reason: `already ingested (sha256 ${evidenceId.slice(0, 16)}…): nothing to do` };
  }
  ledger.record({ action: 'received', ...ledgerBase, org: opts.org ?? null });
  await removeOrphansOnce(kase);
  lap('ledger');

  let format: FormatName | undefined;
  let loaded: Loaded;
  try {
    format = await chooseFormat(received.absCopy, path, opts.format);
    lap('detect');
    loaded = await loadInto(kase, { ...received, file: path, evidenceId, dataLines: () => lines.finish() }, format, opts);
    lap('load');
    await checkStored(kase, evidenceId, loaded.tables);
    lap('reconcile');
  } catch (e) {
    await store.deleteEvidenceRows(evidenceId);
    const wrong = e instanceof WrongFormatError;
    const reason = wrong ? InputError.format(e.message, path, { line: e.line, offset: e.offset }) : (e as Error).message;
    ledger.record({ action: 'refused', ...ledgerBase, format, reason });
    if (wrong || e instanceof InputError) throw new InputError(`${reason} — nothing stored`);
    throw e;
  }
  if (format === 'orgs') matchers.delete(kase);
  const stored = loaded.read - loaded.rejected;
  const entry = ledger.record({
    action: 'ingested', ...ledgerBase, format, org: opts.org ?? null,
    rows_read: loaded.read, rows_stored: stored, rows_rejected: loaded.rejected,
  });
  await store.append('evidence', [{
    id: evidenceId, sha256: evidenceId, name: path, bytes: received.bytes, format, org: opts.org ?? null,
    sensor: opts.sensor ?? null, received_at: entry.ts, rows_read: loaded.read, rows_stored: stored,
    rows_rejected: loaded.rejected, tlp: opts.tlp ?? null, prev_hash: entry.prev_hash, entry_hash: entry.entry_hash,
  }]);
  lap('seal');
  return { ...base, status: 'ingested', format, read: loaded.read, stored, rejected: loaded.rejected, tables: loaded.tables, path: loaded.path, firstReject: loaded.firstReject };
}

interface Received { absCopy: string; file: string; bytes: number; evidenceId: string; dataLines: () => number }

/** Large plain Zeek conn logs through the store's bulk path when it takes them, everything else through the parser. */
async function loadInto(kase: Case, input: Received, format: FormatName, opts: IngestOptions): Promise<Loaded> {
  const { store } = kase;
  const bulk = format === 'zeek'
    ? await tryZeekBulk(store, {
      abs: input.absCopy, file: input.file, bytes: input.bytes, evidenceId: input.evidenceId, org: opts.org ?? null,
      sensor: opts.sensor ?? null, dataLines: input.dataLines(), profile: !!opts.timings,
    })
    : null;
  if (!bulk) return parseInto(kase, input.absCopy, input.file, input.bytes, input.evidenceId, format, opts);
  if (opts.timings && bulk.profile) opts.timings.loadProfile = bulk.profile;
  if (bulk.rejects.length) await store.append('rejects', bulk.rejects.map((r) => rejectRow(input.evidenceId, r)));
  return { read: bulk.stored + bulk.rejects.length, rejected: bulk.rejects.length, tables: { flows: bulk.stored }, path: 'bulk', firstReject: bulk.rejects[0] };
}

async function parseInto(
  kase: Case, abs: string, file: string, bytes: number, evidenceId: string, format: FormatName, opts: IngestOptions,
): Promise<Loaded> {
  const parser = FORMATS.find((f) => f.name === format)!;
  const matcher = await orgMatcherFor(kase);
  const out: Loaded = { read: 0, rejected: 0, tables: {}, path: 'parser' };
  const bar = progress(`ingest ${file}`, bytes, !!opts.quiet);
  try {
    for await (const batch of parser.parse(openInput(abs), { ...opts, file })) {
      if (batch.rejects.length > batch.read) throw new Error(`parser ${format} reported more rejects than records read`);
      out.read += batch.read;
      out.rejected += batch.rejects.length;
      out.firstReject ??= batch.rejects[0];
      for (const [table, rows] of Object.entries(batch.rows) as Array<[TableName, Row[]]>) {
        if (!rows?.length) continue;
        for (const r of rows) {
          r.evidence_id = evidenceId;
          if (CLASSIFIED.has(table)) classifyRow(matcher, r, opts.org ?? null);
        }
        await kase.store.append(table, rows);
        out.tables[table] = (out.tables[table] ?? 0) + rows.length;
      }
      if (batch.rejects.length) await kase.store.append('rejects', batch.rejects.map((r) => rejectRow(evidenceId, r)));
      bar.update(out.read, batch.bytesDone);
    }
  } finally {
    bar.done();
  }
  return out;
}

// Per-case caches for one process: rows of interrupted ingests are removed once, before the first file;
// the org matcher is rebuilt only after an orgs directory was ingested.
const cleaned = new WeakSet<Case>();
const matchers = new WeakMap<Case, Promise<OrgMatcher>>();

async function removeOrphansOnce(kase: Case): Promise<void> {
  if (cleaned.has(kase)) return;
  for (const orphan of await kase.store.orphanEvidenceIds()) await kase.store.deleteEvidenceRows(orphan);
  cleaned.add(kase);
}

function orgMatcherFor(kase: Case): Promise<OrgMatcher> {
  let m = matchers.get(kase);
  if (!m) {
    m = loadOrgMatcher(kase.store);
    matchers.set(kase, m);
  }
  return m;
}

async function chooseFormat(absPath: string, shownPath: string, wanted?: FormatName | 'auto'): Promise<FormatName> {
  if (wanted && wanted !== 'auto') {
    if (!FORMATS.some((f) => f.name === wanted)) {
      throw new InputError(`unknown format '${wanted}' (known: ${FORMATS.map((f) => f.name).join(', ')})`);
    }
    return wanted;
  }
  try {
    return (await detectFormat(absPath)).format;
  } catch (e) {
    throw new InputError((e as Error).message.replaceAll(absPath, shownPath));
  }
}

function rejectRow(evidenceId: string, r: Reject): Row {
  return {
    evidence_id: evidenceId, file: r.file, line_or_offset: r.line ?? r.offset ?? 0,
    reason: r.reason, raw: r.raw === undefined ? null : r.raw.slice(0, REJECT_RAW_MAX),
  };
}

/** The store must hold exactly the rows handed to it for this evidence id. */
async function checkStored(kase: Case, evidenceId: string, tables: Record<string, number>): Promise<void> {
  for (const [table, n] of Object.entries(tables)) {
    const have = await kase.store.count(table as TableName, { column: 'evidence_id', value: evidenceId });
    if (have !== n) throw new Error(`reconcile failed for ${table}: appended ${n} rows, store holds ${have}; rolled back`);
  }
}
