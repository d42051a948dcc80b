// One builder behind the accounts / leases / logins / providers formats: read CSV or JSON, map
// columns, turn each record into a table row. Two kinds of failure, decided per check:
//  - RowRejected: this row is kept out (with its line and reason in `rejects`), the rest is stored;
//  - FileRefused: the whole file is refused and nothing is stored (raw card numbers, unknown --map
//    columns, missing required columns) — thrown as WrongFormatError so the ingest runner aborts.
import type { Readable } from 'node:stream';
import type { Reject } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import type { TableName } from '../../store/schema.ts';
import { WrongFormatError, type Format, type FormatName, type ParseOptions, type RecordBatch } from '../contract.ts';
import { headerKey, requireFields, resolveColumns, type FieldSpec } from './columns.ts';
import { looksLikeJson, readCsv, readJson, type SourceRecord } from './csv.ts';

export class RowRejected extends Error {}
export class FileRefused extends Error {}

export interface RowInput {
  get(field: string): string | undefined;
  line: number;
  options: ParseOptions;
}

export interface ExportSpec {
  name: FormatName;
  table: TableName;
  fields: FieldSpec[];
  /** Header keys that, together, identify this export (for sniffing). */
  signature: string[];
  /** Fields that options may supply instead of a column (e.g. provider from --provider). */
  fromOptions?: string[];
  build(input: RowInput): Row;
}

const BATCH = 5000;

export function sniffExport(spec: ExportSpec, head: Buffer, name: string): number {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split('\n')[0] ?? '';
  const keys = new Set(
    (looksLikeJson(head) ? Object.keys(safeFirstJson(text)) : firstLine.split(/[,\t;|]/)).map((h) => headerKey(h.replace(/"/g, ''))),
  );
  const aliasesOf = (f: string) => [f, ...(spec.fields.find((x) => x.name === f)?.aliases ?? [])].map(headerKey);
  const hits = spec.signature.filter((f) => aliasesOf(f).some((a) => keys.has(a))).length;
  const byName = name.toLowerCase().includes(spec.name) ? 0.2 : 0;
  return hits === spec.signature.length ? Math.min(1, 0.7 + byName) : byName;
}

function safeFirstJson(text: string): Record<string, unknown> {
  const m = /\{[^{}]*\}/.exec(text);
  try { return m ? JSON.parse(m[0]) : {}; } catch { return {}; }
}

export function exportFormat(spec: ExportSpec): Format {
  return {
    name: spec.name,
    sniff: (head, name) => sniffExport(spec, head, name),
    parse: (input, options) => parseExport(spec, input.open(), options),
  };
}

export async function* parseExport(spec: ExportSpec, stream: Readable, options: ParseOptions): AsyncIterable<RecordBatch> {
  const file = options.file;
  const source = await peekKind(stream);
  const records = source.json ? readJson(source.stream, file) : readCsv(source.stream, file);
  let mapping: Map<string, string> | null = null;
  let batch: RecordBatch = { rows: { [spec.table]: [] }, read: 0, rejects: [] };
  for await (const rec of records) {
    if (!mapping) {
      mapping = resolveColumns(Object.keys(rec.values).filter((k) => k !== '__error'), spec.fields, options.map, file, spec.table);
      requireFields(mapping, spec.fields, file, spec.table, supplied(spec, options));
    }
    batch.read++;
    const row = buildRow(spec, rec, mapping, options, batch.rejects);
    if (row) batch.rows[spec.table]!.push(row);
    if (batch.read >= BATCH) { yield batch; batch = { rows: { [spec.table]: [] }, read: 0, rejects: [] }; }
  }
  if (batch.read > 0) yield batch;
}

function supplied(spec: ExportSpec, options: ParseOptions): string[] {
  return (spec.fromOptions ?? []).filter((f) => (options as unknown as Record<string, unknown>)[f] != null);
}

function buildRow(spec: ExportSpec, rec: SourceRecord, mapping: Map<string, string>, options: ParseOptions,
  rejects: Reject[]): Row | null {
  const reject = (reason: string) => { rejects.push({ file: options.file, line: rec.line, reason, raw: rec.raw.slice(0, 300) }); return null; };
  if (rec.values.__error) return reject(rec.values.__error);
  const get = (field: string) => {
    const col = mapping.get(field);
    const v = col === undefined ? undefined : rec.values[col];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  try {
    return spec.build({ get, line: rec.line, options });
  } catch (e) {
    if (e instanceof RowRejected) return reject(e.message);
    if (e instanceof FileRefused) throw new WrongFormatError(`row ${rec.line}: ${e.message} — file refused`, rec.line);
    throw e;
  }
}

async function peekKind(stream: Readable): Promise<{ json: boolean; stream: Readable }> {
  const { PassThrough } = await import('node:stream');
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const out = new PassThrough();
  const head = first.done ? Buffer.alloc(0) : (first.value as Buffer);
  (async () => {
    if (!first.done) out.write(head);
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      if (!out.write(r.value)) await new Promise((res) => out.once('drain', res));
    }
    out.end();
  })().catch((e) => out.destroy(e));
  return { json: looksLikeJson(head), stream: out };
}
