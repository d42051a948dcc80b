// nfdump CSV exports (`nfdump -o csv`, 1.6 and 1.7 layouts) → flows. nfdump writes local times without a
// zone: they are read in ParseOptions.tz (default UTC). The `Summary` trailer ends the records.
import { canonicalIp } from '../../core/ip.ts';
import { parseLocalTime } from '../../core/time.ts';
import type { Row } from '../../store/store.ts';
import type { Format, ParseOptions, ParserInput, RecordBatch } from '../contract.ts';
import { WrongFormatError } from '../contract.ts';
import { lineChunks } from '../zeek/chunk-lines.ts';
import { Sink } from '../zeek/sink.ts';
import { columnMap, defaultHeaderFor, looksLikeHeader, protoName, type ColumnMap } from './columns.ts';

export const nfdumpFormat: Format = {
  name: 'nfdump',
  sniff(head: Buffer): number {
    const first = head.toString('utf8', 0, Math.min(head.length, 2048)).replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
    if (!looksLikeHeader(first)) return defaultHeaderFor(first) ? 0.7 : 0;
    return columnMap(first) ? 0.95 : 0.3;
  },
  parse: parseNfdump,
};

export async function* parseNfdump(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const sink = new Sink(opts.file);
  const tz = opts.tz ?? 'UTC';
  let columns: ColumnMap | null = null;
  let width = 0;
  let inSummary = false;
  for await (const chunk of lineChunks(input.open())) {
    for (let k = 0; k < chunk.lines.length; k++) {
      const text = chunk.lines[k];
      const no = chunk.firstNo + k;
      if (text.trim() === '') continue;
      if (inSummary && !looksLikeHeader(text)) continue; // summary lines, until the next concatenated export
      if (!columns || looksLikeHeader(text)) {
        inSummary = false;
        const header = looksLikeHeader(text) ? text : defaultHeaderFor(text);
        const map = header ? columnMap(header) : null;
        if (!map) throw new WrongFormatError(`not an nfdump CSV export: line ${no} is neither an nfdump csv header nor a record of a default layout`, no);
        columns = map;
        width = header!.split(',').length;
        if (header === text) continue; // else `-q` output: this line is the first record
      }
      if (text === 'Summary' || text.startsWith('No matching flows')) { inSummary = text === 'Summary'; continue; }
      sink.read++;
      const cells = text.split(',');
      if (cells.length !== width) { sink.reject(no, `expected ${width} comma-separated fields, got ${cells.length}`, text); continue; }
      const row = toFlow(cells, columns, tz, opts);
      if (typeof row === 'string') sink.reject(no, row, text);
      else sink.row('flows', row);
    }
    yield sink.take(chunk.bytesDone);
  }
  if (!columns) throw new WrongFormatError('not an nfdump CSV export: no header line');
}

function cell(cells: string[], at: number): string | null {
  if (at < 0) return null;
  const v = cells[at].trim();
  return v === '' ? null : v;
}

/** nfdump times: `YYYY-MM-DD HH:MM:SS[.mmm]` in the exporter's zone, or epoch msec in the fast csv. */
function nfTime(text: string | null, tz: string): number | null {
  if (text == null) return null;
  if (/^\d{12,}$/.test(text)) return Number(text) / 1000;
  return parseLocalTime(text, tz);
}

function count(text: string | null): number | null | undefined {
  if (text == null) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** nfdump's duration when it agrees with first/last seen (their text has whole seconds), else theirs. */
function duration(td: string | null, ts: number, te: number | null): number | null {
  const seconds = td == null ? NaN : Number(td);
  // nfdump 1.7.1 prints last − first as an unsigned 64-bit number when last < first (18446744073709544.000).
  if (Number.isFinite(seconds) && seconds >= 0 && (te == null || Math.abs(seconds - (te - ts)) <= 1.001)) return seconds;
  return te == null ? null : te - ts;
}

function toFlow(cells: string[], c: ColumnMap, tz: string, opts: ParseOptions): Row | string {
  const tsText = cell(cells, c.ts);
  let ts = nfTime(tsText, tz);
  if (ts == null) return `bad timestamp in ts: '${tsText ?? ''}'`;
  let te = nfTime(cell(cells, c.te), tz);
  // First seen after last seen (nfdump 1.7.1 on softflowd's IPFIX): the flow spans the two, from the earlier.
  if (te != null && te < ts) [ts, te] = [te, ts];
  const src = canonicalIp(cell(cells, c.sa) ?? '');
  if (!src) return `bad source address: '${cell(cells, c.sa) ?? ''}'`;
  const dst = canonicalIp(cell(cells, c.da) ?? '');
  if (!dst) return `bad destination address: '${cell(cells, c.da) ?? ''}'`;
  let sport = cell(cells, c.sp);
  let dport = cell(cells, c.dp);
  const icmp = dport ? /^(\d+)\.(\d+)$/.exec(dport) : null;
  // nfdump writes ICMP type.code in the destination port; Zeek (and the store) keep type as sport, code as dport.
  if (icmp) [sport, dport] = [icmp[1], icmp[2]];
  const numbers = { sport, dport, pkts_out: cell(cells, c.ipkt), bytes_out: cell(cells, c.ibyt), pkts_in: cell(cells, c.opkt), bytes_in: cell(cells, c.obyt) };
  const row: Row = {
    org: opts.org ?? null, sensor: opts.sensor ?? null, ts, src, dst,
    duration: duration(cell(cells, c.td), ts, te),
    proto: cell(cells, c.pr) == null ? null : protoName(cell(cells, c.pr)!), service: null,
    state: cell(cells, c.flg), uid: null,
  };
  for (const [name, text] of Object.entries(numbers)) {
    const n = count(text);
    if (n === undefined) return `bad number in ${name}: '${text}'`;
    row[name] = n;
  }
  return row;
}
