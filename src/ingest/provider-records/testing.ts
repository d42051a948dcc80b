// Test helper: runs a Format over an in-memory text and collects every batch.
import { Readable } from 'node:stream';
import type { Format, ParseOptions, RecordBatch } from '../contract.ts';

export async function parseText(format: Format, text: string, options: Partial<ParseOptions> = {}): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  const input = { path: 'mem', open: () => Readable.from([Buffer.from(text, 'utf8')]) };
  for await (const b of format.parse(input, { file: 'export.csv', ...options })) out.push(b);
  return out;
}
