// Parity on one simulator seed: every analyzer yields the same findings on the two-shard ClickHouse cluster
// as on DuckDB (same ids and subjects; scores, confidences and times within 1e-6; same TLP, evidence ids and
// details), every ClickHouse statement it ran gives the same rows on chdb (current ClickHouse) as on 18.16,
// and the sinks that read the store (reports, notification packages and workflow, STIX/MISP export, the
// API's read routes) run on the ClickHouse case and give the same counts as on the DuckDB case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDatabaseName } from '../src/cli/case.ts';
import { DEFAULTS } from '../src/sim/config.ts';
import { simulate } from '../src/sim/simulate.ts';
import { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { clickhouseCluster } from '../src/store/clickhouse/testing.ts';
import type { ChdbMirror } from './clickhouse-chdb-mirror.ts';
import { CHDB_AVAILABLE } from '../src/store/clickhouse/chdb-available.testing.ts';
import {
  canonicalRows, compareFindings, ingestAndAnalyze, parityAnalyzers, recordAnalyzerSql, type EngineRun, type RecordedSql,
} from './clickhouse-parity-harness.ts';
import { runSinks, type SinkSummary } from './clickhouse-sinks-harness.ts';

export const SCORE_TOLERANCE = 1e-6;
const SEED = 3;
const ch = clickhouseCluster();
const analyzers = parityAnalyzers();

describe.skipIf(!!ch.skipReason)(`engine parity on simulator seed ${SEED}`, () => {
  const root = mkdtempSync(join(tmpdir(), 'hoptrace-parity-'));
  const chCase = join(root, 'ch');
  let duck: EngineRun;
  let click: EngineRun;
  let store: ClickHouseStore;
  let recorded: RecordedSql[] = [];
  let mirror: ChdbMirror | undefined;
  let sinks: { duck: SinkSummary; click: SinkSummary };

  beforeAll(async () => {
    const sim = join(root, 'sim');
    simulate({ ...DEFAULTS, seed: SEED, victims: 8, days: 3, out: sim });
    const ids = analyzers.map((a) => a.id);
    [duck, click] = await Promise.all([
      ingestAndAnalyze(join(root, 'duck'), sim, { engine: 'duckdb' }, ids),
      ingestAndAnalyze(chCase, sim, { engine: 'clickhouse', clickhouseUrl: ch.urls }, ids),
    ]);
    store = await ClickHouseStore.open({ urls: ch.urls, database: caseDatabaseName(chCase), dropOnClose: true });
    recorded = await recordAnalyzerSql(store, analyzers, chCase);
    if (CHDB_AVAILABLE) {
      const { ChdbMirror: Mirror } = await import('./clickhouse-chdb-mirror.ts');
      mirror = new Mirror();
      await mirror.load(store);
    }
    const [duckSinks, clickSinks] = await Promise.all([
      runSinks(join(root, 'duck'), join(root, 'sinks-duck')), runSinks(chCase, join(root, 'sinks-ch')),
    ]);
    sinks = { duck: duckSinks, click: clickSinks };
  }, 180_000);

  afterAll(async () => {
    mirror?.close();
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores the same number of rows on both engines', () => {
    expect(click.rows).toBe(duck.rows);
    expect(duck.rows).toBeGreaterThan(1000);
  });

  it.each(analyzers.map((a) => a.id))('%s: same findings on ClickHouse (2 shards) as on DuckDB', (id) => {
    expect(duck.errors[id], `DuckDB run failed: ${duck.errors[id]}`).toBeUndefined();
    expect(click.errors[id], `ClickHouse run failed: ${click.errors[id]}`).toBeUndefined();
    expect(duck.findings[id].length, 'the simulated campaign gives this analyzer nothing to compare').toBeGreaterThan(0);
    const diffs = compareFindings(duck.findings[id], click.findings[id], SCORE_TOLERANCE);
    expect(diffs.slice(0, 20), `${diffs.length} differences`).toEqual([]);
    console.log(`parity ${id}: ${duck.findings[id].length} findings equal within ${SCORE_TOLERANCE}`);
  });

  it('reports, notifications, exports and the API run on the ClickHouse case with the same counts as on DuckDB', () => {
    const failed = Object.entries(sinks.click).filter(([, v]) => v.startsWith('error:'));
    expect(failed, 'sink steps that failed on ClickHouse').toEqual([]);
    expect(Object.entries(sinks.duck).filter(([, v]) => v.startsWith('error:')), 'sink steps that failed on DuckDB').toEqual([]);
    expect(sinks.click).toEqual(sinks.duck);
    expect(Object.keys(sinks.duck).length).toBeGreaterThanOrEqual(18);
    expect(JSON.parse(sinks.duck['export stix']).indicators).toBeGreaterThan(0);
    for (const [step, summary] of Object.entries(sinks.duck)) console.log(`sinks ${step}: ${summary.slice(0, 160)} (same on ClickHouse)`);
  });

  it.skipIf(!CHDB_AVAILABLE).each(analyzers.map((a) => a.id))('%s: every ClickHouse statement gives the same rows on chdb (current) as on 18.16', (id) => {
    const mine = recorded.filter((r) => r.analyzer === id);
    expect(mine.length, 'the analyzer ran no SQL on ClickHouse').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const r of mine) {
      if (r.error) { problems.push(`${r.name} fails on 18.16: ${r.error.slice(0, 300)}`); continue; }
      try {
        if (r.kind === 'exec') { mirror!.exec(r.text); continue; }
        const modern = mirror!.query(r.text);
        const a = canonicalRows(r.result ?? []);
        const b = canonicalRows(modern);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          const first = a.findIndex((x, i) => x !== b[i]);
          problems.push(`${r.name}: ${a.length} rows on 18.16 vs ${b.length} on chdb; first difference:\n  18.16: ${a[first]}\n  chdb:  ${b[first]}`);
        }
      } catch (e) {
        // chdb puts the exception after any output it already produced: show the end of the message.
        problems.push(`${r.name} fails on chdb ${mirror!.version()}: ${(e as Error).message.slice(-400)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
if (ch.skipReason) {
  it(`engine parity SKIPPED — ${ch.skipReason}`, () => console.warn(`\n!!! ClickHouse parity tests skipped: ${ch.skipReason}\n`));
}
