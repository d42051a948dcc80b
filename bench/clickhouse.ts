// npx tsx bench/clickhouse.ts [--rows N] [--victims N] [--days N] [--only a,b] [--keep]
// The two-shard ClickHouse cluster against DuckDB in the same run: (1) `hoptrace ingest` of one realistic
// Zeek conn.log into a case per engine, (2) every analyzer with a ClickHouse variant on those cases and on a
// simulated campaign, (3) measured bytes per stored flow (system.parts / system.columns after merging) for
// docs/clickhouse-sizing.md. Uses HOPTRACE_CLICKHOUSE_URLS, else starts a private cluster on spare ports.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyzers } from '../src/cli/analyze-run.ts';
import { caseDatabaseName, openCase } from '../src/cli/case.ts';
import { runIngest } from '../src/cli/commands/ingest.ts';
import { DEFAULTS } from '../src/sim/config.ts';
import { simulate } from '../src/sim/simulate.ts';
import { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { PrivateCluster } from '../test/clickhouse-private-cluster.ts';
import { compareFindings, ingestAndAnalyze, parityAnalyzers } from '../test/clickhouse-parity-harness.ts';
import { writeRealisticConnLog } from './clickhouse-flows.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : dflt; };
const ROWS = Number(arg('rows', '2000000'));
const VICTIMS = Number(arg('victims', '40'));
const DAYS = Number(arg('days', '7'));
/** Analyzers to time on the big ingest case (default: every one with a ClickHouse variant). */
const ONLY = arg('only', '').split(',').filter(Boolean);
const ratio = (ch: number, duck: number) => (ch / duck).toFixed(2);

async function main(): Promise<void> {
  let cluster: PrivateCluster | undefined;
  let urls = process.env.HOPTRACE_CLICKHOUSE_URLS?.split(',');
  if (!urls) { cluster = new PrivateCluster(18423, 19400); urls = cluster.start(); }
  const root = mkdtempSync(join(tmpdir(), 'hoptrace-bench-ch-'));
  const summary: Record<string, unknown> = { rows: ROWS, shards: urls.length };
  try {
    const ids = parityAnalyzers().map((a) => a.id);
    summary.ingest = await benchIngest(root, urls, ids, summary);
    summary.simulated = await benchSimulated(root, urls, ids);
    summary.storage = await measureStorage(join(root, 'ch'), urls, join(root, 'duck'));
    summary.simulatedTables = await measureTables(join(root, 'sim-ch'), urls);
    console.log(`\nJSON ${JSON.stringify(summary)}`);
  } finally {
    if (!process.argv.includes('--keep')) {
      for (const c of ['ch', 'sim-ch']) await (await ClickHouseStore.open({ urls, database: caseDatabaseName(join(root, c)), dropOnClose: true })).close();
      rmSync(root, { recursive: true, force: true });
    }
    cluster?.stop();
  }
}

async function benchIngest(root: string, urls: string[], ids: string[], summary: Record<string, unknown>): Promise<unknown> {
  const dir = join(tmpdir(), 'hoptrace-bench-clickhouse');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `conn-realistic-${ROWS}.log`);
  if (!existsSync(file)) { process.stderr.write(`generating ${ROWS.toLocaleString('en')} flows → ${file}\n`); await writeRealisticConnLog(file, ROWS); }
  const mib = statSync(file).size / 1048576;
  const base = { format: 'auto', tz: 'UTC', map: [], quiet: true, json: true, org: 'bench-org' };
  const timed = async (caseDir: string, engine: Record<string, string>) => {
    const t = performance.now();
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write; // runIngest prints its result JSON
    try {
      await runIngest([file], { ...base, case: caseDir, ...engine });
    } finally {
      process.stdout.write = write;
    }
    return (performance.now() - t) / 1000;
  };
  const duckS = await timed(join(root, 'duck'), {});
  const chS = await timed(join(root, 'ch'), { engine: 'clickhouse', clickhouseUrl: urls.join(',') });
  console.log(`ingest of one Zeek conn.log, ${ROWS.toLocaleString('en')} flows (${mib.toFixed(0)} MiB), org bench-org:`);
  console.log(`  duckdb              ${duckS.toFixed(2)} s  ${(ROWS / duckS / 1e6).toFixed(3)} M flows/s`);
  console.log(`  clickhouse ${urls.length} shards  ${chS.toFixed(2)} s  ${(ROWS / chS / 1e6).toFixed(3)} M flows/s   rate ratio clickhouse/duckdb ${ratio(duckS, chS)}`);
  const analyzers: Record<string, unknown> = {};
  for (const id of ids.filter((x) => ONLY.length === 0 || ONLY.includes(x))) analyzers[id] = await timeAnalyzer(root, id);
  summary.mib = mib;
  return { duckSeconds: duckS, chSeconds: chS, analyzers };
}

async function timeAnalyzer(root: string, id: string): Promise<unknown> {
  const out: Record<string, { seconds: number; findings: number } | { error: string }> = {};
  for (const engine of ['duck', 'ch']) {
    const kase = await openCase(join(root, engine));
    try {
      const t = performance.now();
      const [r] = await runAnalyzers(kase, { only: [id] });
      out[engine] = { seconds: (performance.now() - t) / 1000, findings: r.findings };
    } catch (e) {
      out[engine] = { error: (e as Error).message.slice(0, 200) };
    } finally {
      await kase.close();
    }
  }
  const d = out.duck, c = out.ch;
  const line = 'seconds' in d && 'seconds' in c
    ? `duckdb ${d.seconds.toFixed(2)} s, clickhouse ${c.seconds.toFixed(2)} s, time ratio ${ratio(c.seconds, d.seconds)} (findings ${d.findings} / ${c.findings})`
    : `failed: ${JSON.stringify(out)}`;
  console.log(`  analyzer ${id.padEnd(13)} on ${ROWS.toLocaleString('en')} flows: ${line}`);
  return out;
}

async function benchSimulated(root: string, urls: string[], ids: string[]): Promise<unknown> {
  const sim = join(root, 'sim');
  const w = simulate({ ...DEFAULTS, seed: 3, victims: VICTIMS, days: DAYS, out: sim });
  console.log(`simulated campaign (seed 3, ${VICTIMS} victims, ${DAYS} days, ${w.flows.toLocaleString('en')} flows, ${w.manifest.files.length} files):`);
  const duck = await ingestAndAnalyze(join(root, 'sim-duck'), sim, { engine: 'duckdb' }, ids);
  const ch = await ingestAndAnalyze(join(root, 'sim-ch'), sim, { engine: 'clickhouse', clickhouseUrl: urls }, ids);
  console.log(`  ingest (${duck.rows} rows): duckdb ${duck.ingestSeconds.toFixed(2)} s, clickhouse ${ch.ingestSeconds.toFixed(2)} s, time ratio ${ratio(ch.ingestSeconds, duck.ingestSeconds)}`);
  const parity: Record<string, unknown> = {};
  for (const id of ids) {
    const err = duck.errors[id] ?? ch.errors[id];
    const diffs = err ? [] : compareFindings(duck.findings[id], ch.findings[id], 1e-6);
    parity[id] = err ? { error: err.slice(0, 200) } : { duck: duck.analyzerSeconds[id], ch: ch.analyzerSeconds[id], findings: duck.findings[id].length, differences: diffs.length };
    console.log(`  analyzer ${id.padEnd(13)} ${err ? `failed: ${err.slice(0, 160)}`
      : `duckdb ${duck.analyzerSeconds[id].toFixed(2)} s, clickhouse ${ch.analyzerSeconds[id].toFixed(2)} s, time ratio ${ratio(ch.analyzerSeconds[id], duck.analyzerSeconds[id])}; ${duck.findings[id].length} findings, ${diffs.length} differences`}`);
  }
  return { flows: w.flows, rows: duck.rows, duckIngest: duck.ingestSeconds, chIngest: ch.ingestSeconds, parity };
}

async function measureStorage(chCase: string, urls: string[], duckCase: string): Promise<unknown> {
  const store = await ClickHouseStore.open({ urls, database: caseDatabaseName(chCase) });
  const db = store.database;
  const perShard = [];
  const columns = new Map<string, number>();
  for (const s of store.cluster.shards) {
    await store.cluster.command(s, `OPTIMIZE TABLE \`${db}\`.flows_local FINAL`); // steady state: merged parts
    const [p] = await store.cluster.select<Record<string, string>>(s,
      `SELECT sum(rows) AS rows, sum(bytes_on_disk) AS disk, sum(data_compressed_bytes) AS compressed, sum(data_uncompressed_bytes) AS raw, count() AS parts `
      + `FROM system.parts WHERE database = '${db}' AND table = 'flows_local' AND active`);
    perShard.push({ shard: s.num, rows: Number(p.rows), disk: Number(p.disk), compressed: Number(p.compressed), raw: Number(p.raw), parts: Number(p.parts) });
    const cols = await store.cluster.select<{ name: string; c: string }>(s,
      `SELECT name, sum(data_compressed_bytes) AS c FROM system.columns WHERE database = '${db}' AND table = 'flows_local' GROUP BY name`);
    for (const c of cols) columns.set(c.name, (columns.get(c.name) ?? 0) + Number(c.c));
  }
  await store.close();
  const rows = perShard.reduce((a, p) => a + p.rows, 0);
  const disk = perShard.reduce((a, p) => a + p.disk, 0);
  const raw = perShard.reduce((a, p) => a + p.raw, 0);
  const duckFile = statSync(join(duckCase, 'store.duckdb')).size;
  console.log(`storage of ${rows.toLocaleString('en')} flows:`);
  for (const p of perShard) console.log(`  shard ${p.shard}: ${p.rows.toLocaleString('en')} rows, ${(p.disk / 1048576).toFixed(1)} MiB on disk in ${p.parts} part(s)`);
  console.log(`  clickhouse: ${(disk / rows).toFixed(1)} bytes/flow on disk (uncompressed ${(raw / rows).toFixed(1)}, ratio ${(raw / disk).toFixed(1)}x)`);
  console.log(`  duckdb file (whole case, all tables): ${(duckFile / rows).toFixed(1)} bytes/flow`);
  const byColumn = [...columns].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytesPerRow: bytes / rows }));
  console.log(`  per column (compressed bytes/flow): ${byColumn.map((c) => `${c.name} ${c.bytesPerRow.toFixed(2)}`).join(', ')}`);
  return { rows, diskBytesPerRow: disk / rows, rawBytesPerRow: raw / rows, duckBytesPerRow: duckFile / rows, perShard, byColumn };
}

/** Bytes per row of every table of the simulated case (dns, tls, packets … beside flows). */
async function measureTables(chCase: string, urls: string[]): Promise<unknown> {
  const store = await ClickHouseStore.open({ urls, database: caseDatabaseName(chCase) });
  const totals = new Map<string, { rows: number; disk: number }>();
  for (const s of store.cluster.shards) {
    const parts = await store.cluster.select<{ table: string; rows: string; disk: string }>(s,
      `SELECT table, sum(rows) AS rows, sum(bytes_on_disk) AS disk FROM system.parts WHERE database = '${store.database}' AND active `
      + `AND table LIKE '%\\_local' GROUP BY table`);
    for (const p of parts) {
      const t = totals.get(p.table) ?? { rows: 0, disk: 0 };
      totals.set(p.table, { rows: t.rows + Number(p.rows), disk: t.disk + Number(p.disk) });
    }
  }
  await store.close();
  const out = [...totals].filter(([, t]) => t.rows > 0).sort((a, b) => b[1].rows - a[1].rows)
    .map(([table, t]) => ({ table: table.replace(/_local$/, ''), rows: t.rows, bytesPerRow: t.disk / t.rows }));
  console.log(`simulated case tables (unmerged parts, small: an upper bound): ${out.map((t) => `${t.table} ${t.rows} rows ${t.bytesPerRow.toFixed(0)} B/row`).join(', ')}`);
  return out;
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
