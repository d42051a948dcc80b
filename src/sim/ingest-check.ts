// Parses every file of a simulated output with the registered ingest format named in its manifest entry and
// counts records read and rejected (used by tests and by `bench/sim-throughput.ts`).
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseOptions } from '../ingest/contract.ts';
import { FORMATS } from '../ingest/formats.ts';
import type { Manifest, ManifestEntry } from './manifest.ts';

export interface FileCheck { path: string; format: string; read: number; rejected: number; reasons: string[]; error?: string; skipped?: boolean }

export async function parseFile(dir: string, e: ManifestEntry): Promise<FileCheck> {
  const fmt = FORMATS.find((f) => f.name === e.format);
  if (!fmt) return { path: e.path, format: e.format, read: 0, rejected: 0, reasons: [], skipped: true };
  const path = join(dir, e.path);
  const opts: ParseOptions = { file: e.path, org: e.org, sensor: e.sensor, tz: e.tz, map: e.map, provider: e.provider };
  const res: FileCheck = { path: e.path, format: e.format, read: 0, rejected: 0, reasons: [] };
  try {
    for await (const b of fmt.parse({ path, open: () => createReadStream(path) }, opts)) {
      res.read += b.read;
      res.rejected += b.rejects.length;
      for (const r of b.rejects.slice(0, 3)) if (res.reasons.length < 5) res.reasons.push(`${r.line ?? r.offset}: ${r.reason}`);
    }
  } catch (err) {
    res.error = (err as Error).message;
  }
  return res;
}

export async function checkOutput(dir: string): Promise<FileCheck[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const out: FileCheck[] = [];
  for (const e of manifest.files) out.push(await parseFile(dir, e));
  return out;
}
