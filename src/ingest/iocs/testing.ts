// Test helper: run a Format's parser over an in-memory document and collect everything it yields.
import { Readable } from 'node:stream';
import type { Reject } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import type { Format, ParseOptions } from '../contract.ts';

export interface Collected { rows: Record<string, Row[]>; read: number; rejects: Reject[] }

export async function parseText(format: Format, text: string | Buffer, opts: Partial<ParseOptions> = {}): Promise<Collected> {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  const input = { path: 'mem', open: () => Readable.from([buf]) };
  const out: Collected = { rows: {}, read: 0, rejects: [] };
  for await (const b of format.parse(input, { file: 'test.txt', ...opts })) {
    out.read += b.read;
    out.rejects.push(...b.rejects);
    for (const [t, rows] of Object.entries(b.rows)) (out.rows[t] ??= []).push(...(rows ?? []));
  }
  return out;
}
