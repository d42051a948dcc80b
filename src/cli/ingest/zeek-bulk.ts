// Decides whether a Zeek file can take the store's bulk path, and runs it.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Reject } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';

/** Files below this size go through the row parser (the bulk path's fixed cost does not pay off). */
export const BULK_MIN_BYTES = 8 * 1024 * 1024;

/** #fields/#types of a plain (not gzipped) Zeek TSV conn log, from its first 64 KiB; null otherwise. */
export function zeekConnHeader(path: string): { fields: string[]; types: string[] } | null {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(65536);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  if (n < 2 || (buf[0] === 0x1f && buf[1] === 0x8b)) return null;
  const head = buf.subarray(0, n).toString('utf8').split('\n');
  const line = (tag: string) => head.find((l) => l.startsWith(`${tag}\t`))?.split('\t').slice(1);
  if (!head[0]?.startsWith('#separator \\x09') || line('#path')?.[0] !== 'conn') return null;
  const fields = line('#fields');
  const types = line('#types');
  return fields && types ? { fields, types } : null;
}

export async function tryZeekBulk(
  store: Store,
  spec: { abs: string; file: string; bytes: number; evidenceId: string; org: string | null; sensor: string | null; dataLines: number; profile?: boolean },
): Promise<{ stored: number; rejects: Reject[]; profile?: string } | null> {
  if (!store.bulkLoadZeekConn || spec.bytes < BULK_MIN_BYTES) return null;
  const header = zeekConnHeader(spec.abs);
  if (!header) return null;
  return store.bulkLoadZeekConn({
    path: spec.abs, file: spec.file, evidenceId: spec.evidenceId, org: spec.org, sensor: spec.sensor,
    fields: header.fields, types: header.types, dataLines: spec.dataLines, profile: spec.profile,
  });
}
