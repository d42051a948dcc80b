// The whole job over a simulated (or any manifest-described) evidence folder:
// ingest every file as its manifest says → run the analyzers. Used by `hoptrace demo` and the accuracy harness.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { FormatName } from '../ingest/contract.ts';
import { runAnalyzers, type AnalyzerRun } from './analyze-run.ts';
import { openCase, type Case, type EngineFlags } from './case.ts';
import { ingestFile, type IngestResult } from './ingest/run-ingest.ts';

export interface ManifestEntry {
  path: string; format: FormatName; org?: string; sensor?: string; tz?: string; provider?: string;
  map?: Record<string, string>; tlp?: string; source?: string;
}

export interface PipelineResult { caseDir: string; ingest: IngestResult[]; analyzers: AnalyzerRun[]; seconds: { ingest: number; analyze: number } }

const ORDER: Record<string, number> = { orgs: 0, providers: 1 };

export function readManifest(simDir: string): ManifestEntry[] {
  const path = join(simDir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read manifest: ${(e as Error).message}`, path);
  }
  const files = Array.isArray(raw) ? raw : (raw as { files?: unknown }).files;
  if (!Array.isArray(files)) throw new InputError('manifest has no "files" list', path);
  return (files as ManifestEntry[]).map((f) => ({ ...f, path: isAbsolute(f.path) ? f.path : join(simDir, f.path) }))
    .sort((a, b) => (ORDER[a.format] ?? 2) - (ORDER[b.format] ?? 2));
}

export async function ingestManifest(kase: Case, entries: ManifestEntry[], quiet = false): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  const bar = process.stderr.isTTY && !quiet;
  const log = (m: string) => { if (!quiet) process.stderr.write(`${m}\n`); };
  const progress = (done: number, total: number) => {
    if (bar) process.stderr.write(`\ringest: ${done}/${total} files${done === total ? '\n' : ''}`);
  };
  for (const e of entries) {
    const r = await ingestFile(kase, e.path, {
      format: e.format, org: e.org, sensor: e.sensor, tz: e.tz ?? 'UTC', provider: e.provider, map: e.map,
      tlp: e.tlp, source: e.source, quiet: true,
    });
    results.push(r);
    if (r.rejected > 0) log(`${e.path}: read ${r.read} = stored ${r.stored} + rejected ${r.rejected}`);
    progress(results.length, entries.length);
  }
  return results;
}

export async function runPipeline(opts: { caseDir: string; simDir: string; quiet?: boolean; engine?: EngineFlags; only?: string[] }): Promise<PipelineResult> {
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const kase = await openCase(opts.caseDir, { create: true, flags: opts.engine });
  try {
    let t = performance.now();
    const ingest = await ingestManifest(kase, readManifest(opts.simDir), opts.quiet);
    const ingestSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const analyzers = await runAnalyzers(kase, { log, only: opts.only });
    return { caseDir: kase.dir, ingest, analyzers, seconds: { ingest: ingestSeconds, analyze: (performance.now() - t) / 1000 } };
  } finally {
    await kase.close();
  }
}
