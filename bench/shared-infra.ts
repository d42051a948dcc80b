// npx tsx bench/shared-infra.ts [--rows N] [--dir D]: the shared-infra analyzer (endpoint evidence,
// indicator follow-ups, names, scoring) against the bare DuckDB "distinct orgs per external endpoint"
// aggregation it builds on, same case, same process.
import { InfraParamsSchema, sharedInfraAnalyzer } from '../src/analyzers/shared-infra/analyzer.ts';
import type { Finding } from '../src/core/types.ts';
import { benchArgs, openBenchCase, timed } from './analyzer-flows.ts';

const BARE_AGG = `
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep, count(DISTINCT org) AS orgs, count(*) AS flows,
         min(ts) AS first_seen, max(ts) AS last_seen
  FROM flows WHERE src_int + dst_int = 1 GROUP BY 1`;
/** Consumed inside DuckDB (nothing crosses into JS): the strict baseline. */
const BARE = `SELECT count(*) AS endpoints, sum(orgs) AS org_links, sum(flows), min(first_seen), max(last_seen) FROM (${BARE_AGG})`;
/** The same rows fetched into JS, as any analyzer building on it must. */
const BARE_FETCH = `${BARE_AGG} HAVING count(DISTINCT org) >= 2`;

const { rows, dir, memoryLimit } = benchArgs();
const store = await openBenchCase(rows, dir, memoryLimit);
if ((await store.count('indicators')) === 0) {
  await store.append('indicators', Array.from({ length: 50 }, (_, i) => {
    const ip = `184.202.${Math.floor(i / 10)}.${i}`; // inside the generated endpoint range
    return { evidence_id: 'bench-intel', id: `bench-${i}`, type: 'ipv4', value: ip, ip, source: 'bench', tlp: 'amber' };
  }));
}
const params = InfraParamsSchema.parse({});
const runAnalyzer = async () => {
  const out: Finding[] = [];
  for await (const f of sharedInfraAnalyzer.run({ store, params, caseDir: dir, findingsOf: async () => [], log: () => {} })) out.push(f);
  return out;
};
await store.query(BARE); // warm the file cache once for both sides
const results: Array<{ bare: number; fetch: number; full: number }> = [];
let endpoints = 0, findings = 0;
for (let round = 0; round < 3; round++) {
  const bare = await timed(() => store.query<{ endpoints: number }>(BARE));
  const fetch = await timed(() => store.query(BARE_FETCH));
  const full = await timed(runAnalyzer);
  endpoints = Number(bare.value[0].endpoints);
  findings = full.value.length;
  results.push({ bare: bare.seconds, fetch: fetch.seconds, full: full.seconds });
}
await store.close();
const best = (k: 'bare' | 'fetch' | 'full') => Math.min(...results.map((r) => r[k]));
console.log(`shared-infra on ${rows.toLocaleString('en')} flows: ${endpoints.toLocaleString('en')} external endpoints, ${findings} findings (score ≥ ${params.minScore})`);
console.log(`bare DuckDB distinct-orgs-per-endpoint aggregation (baseline): ${best('bare').toFixed(2)} s (best of ${results.length})`);
console.log(`  the same, rows with ≥ 2 orgs fetched into JS:                ${best('fetch').toFixed(2)} s`);
console.log(`shared-infra analyzer (4 queries + score + explain):            ${best('full').toFixed(2)} s (best of ${results.length})`);
console.log(`ratio analyzer/bare (in-DB): ${(best('full') / best('bare')).toFixed(2)} (goal ≤ 2.0); analyzer/bare fetched: ${(best('full') / best('fetch')).toFixed(2)}`);
