// Generic Zeek reader: every record of any log path (rdp, ssh, http…) as a typed object keyed by Zeek
// field names. TSV values follow #types; JSON keeps its values but gets epoch `ts`, dotted id keys and
// canonical id addresses, so the TSV and JSON copies of a log read to the same records. Unset fields are
// left out (as Zeek's JSON writer does).
import type { Readable } from 'node:stream';
import { lineChunks } from './chunk-lines.ts';
import { ZeekHeader } from './header.ts';
import { dotted, flattenId } from './json.ts';
import { BAD, fromJson, fromTsv, kindOfType, type ZeekValue } from './values.ts';

export type ZeekRecord = Record<string, ZeekValue>;
export type ZeekItem = { line: number; path: string | null; record: ZeekRecord } | { line: number; reject: string };

const JSON_META = new Set(['_path', '_write_ts', '_system_name']);

export async function* readZeekRecords(stream: Readable): AsyncIterable<ZeekItem> {
  let header = new ZeekHeader();
  for await (const { lines, firstNo } of lineChunks(stream)) {
    for (let k = 0; k < lines.length; k++) {
      const text = lines[k];
      const line = firstNo + k;
      if (text.length === 0) continue;
      if (text.charCodeAt(0) === 35) {
        if (text.startsWith('#separator')) header = new ZeekHeader();
        header.apply(text);
        continue;
      }
      yield text.charCodeAt(0) === 123 ? jsonRecord(text, line) : tsvRecord(text, line, header);
    }
  }
}

function tsvRecord(text: string, line: number, h: ZeekHeader): ZeekItem {
  if (!h.fields || !h.types) return { line, reject: 'data line before #fields/#types header' };
  const parts = text.split(h.separator);
  if (parts.length !== h.fields.length) return { line, reject: `expected ${h.fields.length} fields, got ${parts.length}` };
  const record: ZeekRecord = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === h.unsetField) continue;
    const v = fromTsv(kindOfType(h.types[i] ?? 'string'), parts[i], h);
    if (v === BAD) return { line, reject: `bad ${h.types[i]} in ${h.fields[i]}: '${parts[i]}'` };
    record[h.fields[i]] = v;
  }
  return { line, path: h.path, record };
}

function jsonRecord(text: string, line: number): ZeekItem {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { line, reject: `bad JSON: ${(e as Error).message}` };
  }
  const record: ZeekRecord = {};
  for (const [key, value] of Object.entries(flattenId(obj))) {
    if (JSON_META.has(key) || value === null) continue;
    const name = dotted(key);
    const v = name === 'ts' ? fromJson('time', value) : name === 'id.orig_h' || name === 'id.resp_h' ? fromJson('addr', value) : value;
    if (v === BAD) return { line, reject: `bad value in ${name}` };
    record[name] = v as ZeekValue;
  }
  return { line, path: typeof obj._path === 'string' ? obj._path : null, record };
}

