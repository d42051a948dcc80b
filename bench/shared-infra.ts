// npx tsx bench/shared-infra.ts [--rows N] [--dir D] [--rounds R] [--indicators rare|mixed]: the shared-infra analyzer (window totals,
// indicator follow-ups, names, endpoint aggregation with SQL ranking, scoring in TS, findings) against the
// bare DuckDB "distinct victim orgs per external endpoint" aggregation it builds on, same case, same process,
// rounds interleaved, best of R each. Wall and CPU seconds (this process: DuckDB runs in it) and the load.
import { loadavg } from 'node:os';
import { InfraParamsSchema, sharedInfraAnalyzer } from '../src/analyzers/shared-infra/analyzer.ts';
import { v4ToText } from '../src/core/ip.ts';
import type { Finding } from '../src/core/types.ts';
import type { Params, Sql } from '../src/store/store.ts';
import { benchArg, benchArgs, EXTERNAL_EP_BASE, openBenchCase, timed } from './analyzer-flows.ts';

/** Per external endpoint: distinct victim orgs, flows, first and last seen, over every flow with one side inside. */
const BARE_AGG = `
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep, count(DISTINCT org) AS orgs, count(*) AS flows,
         min(ts) AS first_seen, max(ts) AS last_seen
  FROM flows WHERE src_int + dst_int = 1 GROUP BY 1`;
/** The baseline, consumed inside DuckDB (nothing crosses into JS). */
const BARE = `SELECT count(*) AS endpoints, sum(orgs) AS org_links, sum(flows), min(first_seen), max(last_seen) FROM (${BARE_AGG})`;
/** The same numbers from two plain GROUP BYs (endpoint and org, then endpoint), DuckDB's other way to count distinct. */
const BARE_TWO_LEVEL = `SELECT count(*) AS endpoints, sum(orgs) AS org_links, sum(flows), min(first_seen), max(last_seen) FROM (
  SELECT ep, count(*) AS orgs, sum(n) AS flows, min(t0) AS first_seen, max(t1) AS last_seen FROM (
    SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep, org, count(*) AS n, min(ts) AS t0, max(ts) AS t1
    FROM flows WHERE src_int + dst_int = 1 GROUP BY 1, 2)
  GROUP BY ep)`;
/** The baseline's rows with ≥ 2 orgs fetched into JS, as any analyzer building on it would. */
const BARE_FETCH = `${BARE_AGG} HAVING count(DISTINCT org) >= 2`;
/** Offsets of the indicators from the popular end: 50 rarely reached endpoints, like attacker servers ('rare'),
 * or 45 of those and 5 that hundreds of hosts reach, like a feed listing shared infrastructure ('mixed'). */
const INDICATORS: Record<string, number[]> = {
  rare: Array.from({ length: 50 }, (_, i) => 100_000 + 2000 * i),
  mixed: [500, 1000, 2000, 5000, 20000, ...Array.from({ length: 45 }, (_, i) => 100_000 + 2000 * i)],
};

const rounds = Number(benchArg('rounds', '3'));
const indicatorSet = benchArg('indicators', 'rare');
const INDICATOR_OFFSETS = INDICATORS[indicatorSet];
if (!INDICATOR_OFFSETS) throw new Error(`--indicators must be one of ${Object.keys(INDICATORS).join(', ')}`);
const { rows, dir, memoryLimit } = benchArgs();
const store = await openBenchCase(rows, dir, memoryLimit);
await store.exec("DELETE FROM indicators WHERE evidence_id = 'bench-intel'");
await store.append('indicators', INDICATOR_OFFSETS.map((o, i) => {
  const ip = v4ToText(EXTERNAL_EP_BASE + o);
  return { evidence_id: 'bench-intel', id: `bench-${i}`, type: 'ipv4', value: ip, ip, source: 'bench', tlp: 'amber' };
}));

/** Seconds per analyzer statement (by SQL file name) in the current round. */
let statements: Record<string, number> = {};
const query = store.query.bind(store);
store.query = async <T>(sql: Sql, params?: Params): Promise<T[]> => {
  const t = performance.now();
  try { return await query<T>(sql, params); } finally {
    const name = typeof sql === 'string' ? 'other' : sql.name ?? 'other';
    statements[name] = (statements[name] ?? 0) + (performance.now() - t) / 1000;
  }
};
const params = InfraParamsSchema.parse({});
const runAnalyzer = async () => {
  const out: Finding[] = [];
  for await (const f of sharedInfraAnalyzer.run({ store, params, caseDir: dir, findingsOf: async () => [], log: () => {} })) out.push(f);
  return out;
};
async function measured<T>(fn: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const r = await timed(fn);
  const cpu = process.cpuUsage(cpu0);
  return { ...r, cpu: (cpu.user + cpu.system) / 1e6 };
}

const load0 = loadavg();
await query(BARE); // warm the file cache once for every side
type Side = 'bare' | 'twoLevel' | 'fetch' | 'full';
const best = { bare: { wall: Infinity, cpu: Infinity }, twoLevel: { wall: Infinity, cpu: Infinity }, fetch: { wall: Infinity, cpu: Infinity }, full: { wall: Infinity, cpu: Infinity } };
let endpoints = 0, findings = 0, breakdown: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  const sides: Array<[Side, () => Promise<unknown[]>]> = [['bare', () => query(BARE)], ['twoLevel', () => query(BARE_TWO_LEVEL)], ['fetch', () => query(BARE_FETCH)], ['full', runAnalyzer]];
  for (const [side, fn] of sides) {
    statements = {};
    const r = await measured(fn);
    if (side === 'bare') endpoints = Number((r.value[0] as { endpoints: number }).endpoints);
    if (side === 'full') findings = r.value.length;
    if (side === 'full' && r.seconds < best.full.wall) breakdown = statements;
    best[side] = { wall: Math.min(best[side].wall, r.seconds), cpu: Math.min(best[side].cpu, r.cpu) };
  }
}
await store.close();
const load1 = loadavg();
const f2 = (x: number) => x.toFixed(2);
const line = (label: string, side: Side) => console.log(`${label.padEnd(62)} ${f2(best[side].wall)} s wall, ${f2(best[side].cpu)} s CPU`);
console.log(`shared-infra on ${rows.toLocaleString('en')} flows: ${endpoints.toLocaleString('en')} external endpoints, ${INDICATOR_OFFSETS.length} indicators (${indicatorSet}), ${findings} findings (score ≥ ${params.minScore}); best of ${rounds}`);
line('bare distinct-orgs-per-endpoint aggregation (baseline):', 'bare');
line('  the same by two plain GROUP BYs:', 'twoLevel');
line('  the baseline, rows with ≥ 2 orgs fetched into JS:', 'fetch');
line('shared-infra analyzer:', 'full');
console.log(`  its statements in the best round: ${Object.entries(breakdown).map(([k, v]) => `${k} ${f2(v)} s`).join(', ')}; JS and findings ${f2(best.full.wall - Object.values(breakdown).reduce((a, b) => a + b, 0))} s`);
console.log(`ratio analyzer/bare: ${f2(best.full.wall / best.bare.wall)} wall, ${f2(best.full.cpu / best.bare.cpu)} CPU (goal ≤ 2.0); `
  + `analyzer/two-level bare: ${f2(best.full.wall / best.twoLevel.wall)} wall; analyzer/bare fetched: ${f2(best.full.wall / best.fetch.wall)} wall`);
console.log(`load average (1, 5, 15 min) before: ${load0.map(f2).join(' ')}, after: ${load1.map(f2).join(' ')} on 2 cores`);
