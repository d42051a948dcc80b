// npx tsx bench/beacons.ts [--rows N] [--dir D]: the beacons analyzer (SQL aggregation + transfer + RITA
// scoring in TS) against the bare DuckDB per-pair aggregation it builds on, same case, same process.
import { beaconsAnalyzer, BeaconParamsSchema } from '../src/analyzers/beacons/analyzer.ts';
import type { Finding } from '../src/core/types.ts';
import { benchArgs, openBenchCase, timed } from './analyzer-flows.ts';

const BARE = `
SELECT count(*) AS pairs, sum(n) AS connections FROM (
  SELECT coalesce(org, '') AS org, src, dst, dport, count(*) AS n, list(ts ORDER BY ts) AS ts_list, list(coalesce(bytes_out, 0)) AS bytes_list
  FROM flows WHERE src_int = 1 AND dst_int = 0
  GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT floor(ts)) >= 4)`;

const { rows, dir, memoryLimit } = benchArgs();
const store = await openBenchCase(rows, dir, memoryLimit);
const params = BeaconParamsSchema.parse({});
const runAnalyzer = async () => {
  const out: Finding[] = [];
  for await (const f of beaconsAnalyzer.run({ store, params, caseDir: dir, findingsOf: async () => [], log: () => {} })) out.push(f);
  return out;
};
await store.query(BARE); // warm the file cache once for both sides
const results: Array<{ bare: number; full: number }> = [];
let pairs = 0, findings = 0;
for (let round = 0; round < 3; round++) {
  const bare = await timed(() => store.query<{ pairs: number }>(BARE));
  const full = await timed(runAnalyzer);
  pairs = Number(bare.value[0].pairs);
  findings = full.value.length;
  results.push({ bare: bare.seconds, full: full.seconds });
}
await store.close();
const best = (k: 'bare' | 'full') => Math.min(...results.map((r) => r[k]));
console.log(`beacons on ${rows.toLocaleString('en')} flows: ${pairs.toLocaleString('en')} pairs with ≥ 4 connections, ${findings} beacon findings (score ≥ ${params.minScore})`);
console.log(`bare DuckDB per-pair aggregation (baseline): ${best('bare').toFixed(2)} s (best of ${results.length})`);
console.log(`beacons analyzer (query + transfer + score):  ${best('full').toFixed(2)} s (best of ${results.length})`);
console.log(`ratio analyzer/bare: ${(best('full') / best('bare')).toFixed(2)} (goal ≤ 2.0)`);
