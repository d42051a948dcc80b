// Engine parity over the analyzer registry: ingest one simulated evidence folder into a DuckDB case and a
// ClickHouse case, run every analyzer that has a ClickHouse variant (NAME.clickhouse.sql beside its code)
// on both, and compare findings. Also records the exact ClickHouse SQL each analyzer ran, for replay on
// chdb. Used by test/clickhouse-parity.test.ts and bench/clickhouse.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyzer } from '../src/analyzers/contract.ts';
import { ANALYZERS } from '../src/analyzers/registry.ts';
import { runAnalyzers } from '../src/cli/analyze-run.ts';
import { openCase, type EngineFlags } from '../src/cli/case.ts';
import { ingestManifest, readManifest } from '../src/cli/pipeline.ts';
import type { Finding } from '../src/core/types.ts';
import type { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import type { Params, Row, Sql, Store } from '../src/store/store.ts';

const ANALYZERS_DIR = join(import.meta.dirname, '..', 'src', 'analyzers');

/** Analyzers with at least one NAME.clickhouse.sql in their folder (src/analyzers/<id>/). */
export function analyzersWithClickHouseSql(all: Analyzer<any>[] = ANALYZERS): Analyzer<any>[] {
  return all.filter((a) => {
    const dir = join(ANALYZERS_DIR, a.id);
    return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.clickhouse.sql'));
  });
}

export interface EngineRun {
  rows: number;
  ingestSeconds: number;
  analyzerSeconds: Record<string, number>;
  findings: Record<string, Finding[]>;
  errors: Record<string, string>;
}

/** Ingests the simulated folder into a new case and runs the given analyzers one by one. */
export async function ingestAndAnalyze(caseDir: string, simDir: string, flags: EngineFlags, ids: string[]): Promise<EngineRun> {
  const kase = await openCase(caseDir, { create: true, flags });
  const run: EngineRun = { rows: 0, ingestSeconds: 0, analyzerSeconds: {}, findings: {}, errors: {} };
  try {
    let t = performance.now();
    const ingested = await ingestManifest(kase, readManifest(simDir), true);
    run.ingestSeconds = (performance.now() - t) / 1000;
    run.rows = ingested.reduce((a, r) => a + r.stored, 0);
    for (const id of ids) {
      t = performance.now();
      try {
        await runAnalyzers(kase, { only: [id] });
        run.analyzerSeconds[id] = (performance.now() - t) / 1000;
        run.findings[id] = await kase.store.findings({ analyzer: id });
      } catch (e) {
        run.errors[id] = (e as Error).message;
      }
    }
  } finally {
    await kase.close();
  }
  return run;
}

/** Differences between two engines' findings: subjects (per kind) must match, scores within `tolerance`. */
export function compareFindings(a: Finding[], b: Finding[], tolerance: number): string[] {
  const key = (f: Finding) => `${f.kind}|${f.subject}`;
  const mb = new Map(b.map((f) => [key(f), f]));
  const ma = new Map(a.map((f) => [key(f), f]));
  const diffs: string[] = [];
  for (const [k, fa] of ma) {
    const fb = mb.get(k);
    if (!fb) { diffs.push(`only on the first engine: ${k} (score ${fa.score})`); continue; }
    if (Math.abs(fa.score - fb.score) > tolerance) diffs.push(`${k}: score ${fa.score} vs ${fb.score}`);
    if (Math.abs(fa.confidence - fb.confidence) > tolerance) diffs.push(`${k}: confidence ${fa.confidence} vs ${fb.confidence}`);
  }
  for (const k of mb.keys()) if (!ma.has(k)) diffs.push(`only on the second engine: ${k} (score ${mb.get(k)!.score})`);
  return diffs;
}

export interface RecordedSql { analyzer: string; name: string; kind: 'query' | 'exec'; text: string; result?: Row[]; error?: string }

/** Runs analyzers against the store, recording each bound ClickHouse statement and its 18.16 result. */
export async function recordAnalyzerSql(store: ClickHouseStore, analyzers: Analyzer<any>[], caseDir: string): Promise<RecordedSql[]> {
  const recorded: RecordedSql[] = [];
  for (const a of analyzers) {
    const recording = recordingStore(store, a.id, recorded);
    try {
      for await (const _ of a.run({
        store: recording, params: a.params.parse({}), caseDir,
        findingsOf: (id) => store.findings({ analyzer: id }), log: () => {},
      })) { /* findings are compared elsewhere; only the SQL matters here */ }
    } catch {
      // The failing statement is already recorded with its error.
    }
  }
  return recorded;
}

function recordingStore(store: ClickHouseStore, analyzer: string, out: RecordedSql[]): Store {
  const wrap = (kind: 'query' | 'exec') => async (sql: Sql, params?: Params) => {
    const entry: RecordedSql = { analyzer, kind, name: typeof sql === 'string' ? 'inline SQL' : sql.name ?? 'unnamed SQL', text: store.sqlText(sql, params) };
    out.push(entry);
    try {
      const r = kind === 'query' ? await store.query(sql, params) : await store.exec(sql, params);
      if (kind === 'query') entry.result = r as Row[];
      return r;
    } catch (e) {
      entry.error = (e as Error).message;
      throw e;
    }
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'query') return wrap('query');
      if (prop === 'exec') return wrap('exec');
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as Store;
}

/** Rows as sorted canonical strings: key order fixed, floats to 9 significant digits, order ignored. */
export function canonicalRows(rows: Row[]): string[] {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(9));
    if (Array.isArray(v)) return v.map(norm);
    return v;
  };
  return rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, norm(r[k])]))).sort();
}
