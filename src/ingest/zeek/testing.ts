// Test helpers: in-memory ParserInput and batch collection (shared by the ingest format tests).
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { Reject } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import type { Format, ParseOptions, ParserInput } from '../contract.ts';

export function memoryInput(content: string | Buffer, path = 'mem'): ParserInput {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  return { path, open: () => Readable.from([buf]), sizeHint: buf.length };
}

export function gzipped(content: string | Buffer): Buffer {
  return gzipSync(typeof content === 'string' ? Buffer.from(content) : content);
}

export interface Collected { read: number; rows: Record<string, Row[]>; rejects: Reject[] }

export async function collect(format: Format, input: ParserInput, opts: Partial<ParseOptions> = {}): Promise<Collected> {
  const out: Collected = { read: 0, rows: {}, rejects: [] };
  for await (const b of format.parse(input, { file: input.path, ...opts })) {
    out.read += b.read;
    out.rejects.push(...b.rejects);
    for (const [t, rows] of Object.entries(b.rows)) (out.rows[t] ??= []).push(...(rows ?? []));
  }
  return out;
}

export function rowCount(c: Collected): number {
  return Object.values(c.rows).reduce((n, r) => n + r.length, 0);
}
