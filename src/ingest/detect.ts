// Format detection from content: the first 64 KiB (gunzipped when the file is gzip) are offered to every
// registered format's sniffer; the best score wins. Also opens inputs with transparent gunzip.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../core/errors.ts';
import type { FormatName, ParserInput } from './contract.ts';
import { FORMATS } from './formats.ts';

export const HEAD_BYTES = 64 * 1024;
const MIN_CONFIDENCE = 0.5;

export interface Detected { format: FormatName; confidence: number; gzip: boolean }

export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const n = readSync(fd, magic, 0, 2, 0);
    return n === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** A ParserInput whose open() yields the decompressed bytes (gzip, including concatenated members). */
export function openInput(path: string): ParserInput {
  const gzip = isGzipFile(path);
  return {
    path,
    open: (): Readable => (gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path)),
    sizeHint: gzip ? undefined : statSync(path).size,
  };
}

/** Up to `max` decompressed bytes from the start of the file. A truncated gzip still yields what it could. */
export async function readHead(path: string, max = HEAD_BYTES): Promise<{ head: Buffer; gzip: boolean }> {
  const gzip = isGzipFile(path);
  const stream = openInput(path).open();
  const parts: Buffer[] = [];
  let got = 0;
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      got += (chunk as Buffer).length;
      if (got >= max) break;
    }
  } catch (e) {
    if (!gzip || got === 0) throw new InputError(`cannot read: ${(e as Error).message}`, path);
  } finally {
    stream.destroy();
  }
  return { head: Buffer.concat(parts).subarray(0, max), gzip };
}

export async function detectFormat(path: string): Promise<Detected> {
  const { head, gzip } = await readHead(path);
  const name = basename(path).replace(/\.gz$/i, '');
  let best: Detected | null = null;
  for (const f of FORMATS) {
    const score = f.sniff(head, name);
    if (!best || score > best.confidence) best = { format: f.name, confidence: score, gzip };
  }
  if (!best || best.confidence < MIN_CONFIDENCE) {
    throw new InputError(`not a recognised format (tried: ${FORMATS.map((f) => f.name).join(', ')})`, path);
  }
  return best;
}
