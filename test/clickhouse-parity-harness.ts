// Engine parity over the analyzer registry: ingest one simulated evidence folder into a DuckDB case and a
// ClickHouse case, run every analyzer (in dependency order) on both, and compare findings. Also records the exact ClickHouse SQL each analyzer ran, for replay on
// chdb. Used by test/clickhouse-parity.test.ts and bench/clickhouse.ts.
import type { Analyzer } from '../src/analyzers/contract.ts';
import { ANALYZERS } from '../src/analyzers/registry.ts';
import { orderAnalyzers, runAnalyzers } from '../src/cli/analyze-run.ts';
import { openCase, type EngineFlags } from '../src/cli/case.ts';
import { ingestManifest, readManifest } from '../src/cli/pipeline.ts';
import type { Finding } from '../src/core/types.ts';
import type { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import type { Params, Row, Sql, Store } from '../src/store/store.ts';

/** Every registered analyzer, dependencies first (so each can read the findings it needs). */
export function parityAnalyzers(): Analyzer<any>[] {
  return orderAnalyzers(ANALYZERS);
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

/**
 * Differences between two engines' findings: the same ids (and subjects per kind), scores, confidences and
 * times within `tolerance`, the same TLP and evidence ids, and the same details (floats to 9 significant
 * digits, key order ignored).
 */
export function compareFindings(a: Finding[], b: Finding[], tolerance: number): string[] {
  const mb = new Map(b.map((f) => [f.id, f]));
  const ma = new Map(a.map((f) => [f.id, f]));
  const diffs: string[] = [];
  const near = (x: number | null, y: number | null) => (x == null || y == null ? x === y : Math.abs(x - y) <= tolerance);
  for (const [id, fa] of ma) {
    const k = `${fa.kind}|${fa.subject}`;
    const fb = mb.get(id);
    if (!fb) { diffs.push(`only on the first engine: ${k} (score ${fa.score})`); continue; }
    if (`${fb.kind}|${fb.subject}` !== k) diffs.push(`${id}: ${k} vs ${fb.kind}|${fb.subject}`);
    if (!near(fa.score, fb.score)) diffs.push(`${k}: score ${fa.score} vs ${fb.score}`);
    if (!near(fa.confidence, fb.confidence)) diffs.push(`${k}: confidence ${fa.confidence} vs ${fb.confidence}`);
    if (!near(fa.first_seen, fb.first_seen) || !near(fa.last_seen, fb.last_seen)) {
      diffs.push(`${k}: seen ${fa.first_seen}..${fa.last_seen} vs ${fb.first_seen}..${fb.last_seen}`);
    }
    if (fa.tlp !== fb.tlp) diffs.push(`${k}: tlp ${fa.tlp} vs ${fb.tlp}`);
    const ea = JSON.stringify([...fa.evidence_ids].sort()), eb = JSON.stringify([...fb.evidence_ids].sort());
    if (ea !== eb) diffs.push(`${k}: evidence ${ea} vs ${eb}`);
    const da = canonicalDetails(fa.details), db = canonicalDetails(fb.details);
    if (da !== db) diffs.push(`${k}: details differ\n  first:  ${da.slice(0, 600)}\n  second: ${db.slice(0, 600)}`);
  }
  for (const [id, fb] of mb) if (!ma.has(id)) diffs.push(`only on the second engine: ${fb.kind}|${fb.subject} (score ${fb.score})`);
  return diffs;
}

function canonicalDetails(details: Record<string, unknown>): string {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(9));
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, x]) => [k, norm(x)]));
    }
    return v;
  };
  return JSON.stringify(norm(details));
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
