// CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, BOM) and JSON (array or one
// object per line) readers for provider exports. Each record keeps the line number it starts on.
import type { Readable } from 'node:stream';
import { WrongFormatError } from '../contract.ts';
import { lines, readAll } from '../lines.ts';

export interface SourceRecord { line: number; values: Record<string, string>; raw: string }

export function detectDelimiter(header: string): string {
  const counts = [',', '\t', ';', '|'].map((d) => [d, splitCsvLine(header, d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** Splits one complete record; returns null when a quoted field is still open (record continues). */
export function splitCsvLine(text: string, delim: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && field.trim() === '') { quoted = true; field = ''; } else if (ch === delim) {
      out.push(field.trim()); field = '';
    } else field += ch;
  }
  out.push(quoted ? `\u0000${field}` : field.trim());
  return out;
}

function openQuote(fields: string[]): boolean {
  return fields[fields.length - 1].startsWith('\u0000');
}

export async function* readCsv(stream: Readable, file: string): AsyncIterable<SourceRecord> {
  let header: string[] | null = null;
  let delim = ',';
  let pending = '';
  let startLine = 0;
  for await (const { no, text } of lines(stream)) {
    const line = no === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (!pending && line.trim() === '') continue;
    if (!pending) startLine = no;
    const record = pending ? `${pending}\n${line}` : line;
    if (!header) delim = detectDelimiter(record);
    const fields = splitCsvLine(record, delim);
    if (openQuote(fields)) { pending = record; continue; }
    pending = '';
    if (!header) { header = fields; continue; }
    if (fields.length !== header.length) {
      yield { line: startLine, values: { __error: `has ${fields.length} fields, header has ${header.length}` }, raw: record };
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => { values[h] = fields[i]; });
    yield { line: startLine, values, raw: record };
  }
  if (pending) throw new WrongFormatError(`quoted field opened on line ${startLine} never closes`, startLine);
  if (!header) throw new WrongFormatError('empty file (no header row)', 1);
}

function stringify(obj: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v == null ? '' : Array.isArray(v) ? v.join(';') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

export async function* readJson(stream: Readable, file: string): AsyncIterable<SourceRecord> {
  const text = (await readAll(stream)).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('[')) {
    let items: unknown;
    try { items = JSON.parse(text); } catch (e) { throw new WrongFormatError(`not valid JSON: ${(e as Error).message}`); }
    let n = 0;
    for (const item of items as unknown[]) {
      n++;
      if (!item || typeof item !== 'object') yield { line: n, values: { __error: 'array element is not an object' }, raw: JSON.stringify(item) };
      else yield { line: n, values: stringify(item as Record<string, unknown>), raw: JSON.stringify(item) };
    }
    return;
  }
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].trim();
    if (!row) continue;
    try {
      yield { line: i + 1, values: stringify(JSON.parse(row)), raw: row };
    } catch {
      yield { line: i + 1, values: { __error: 'line is not a JSON object' }, raw: row };
    }
  }
}

export function looksLikeJson(head: Buffer): boolean {
  const s = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return s.startsWith('[') || s.startsWith('{');
}
