// ioc-match on a synthetic case (N flows, N/5 DNS records, 10k IP + 10k domain indicators) against the bare
// DuckDB equi-join of flows to IP indicators it builds on, measured in the same run.
// Run: npx tsx bench/ioc-match.ts [flows]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iocMatchAnalyzer } from '../src/analyzers/ioc-match/analyzer.ts';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const store = await DuckDbStore.open({ path: join(mkdtempSync(join(tmpdir(), 'bench-ioc-')), 'case.duckdb'), memoryLimit: '2GB' });
await store.exec(`INSERT INTO flows SELECT 'ev', 'org-' || (i % 200), NULL, 1.6e9 + i, 1, 167772160 + (i % 50000), 40000,
  3405803776 + (hash(i) % 16777216)::BIGINT, 443, 'tcp', NULL, 1, 1, 1, 1, 'SF', NULL, 1, 0 FROM range(${N}) t(i)`);
await store.exec(`INSERT INTO dns SELECT 'ev', 'org-' || (i % 200), NULL, 1.6e9 + i, 167772160, 167772161, NULL,
  'h' || (i % 5000) || '.d' || (hash(i) % 100000) || '.example', 'A', 'NOERROR', '["203.0.113.5"]' FROM range(${Math.round(N / 5)}) t(i)`);
await store.exec(`INSERT INTO indicators SELECT 'iv', 'indicator--' || i, 'ipv4', '', 3405803776 + (hash(i * 7) % 16777216)::BIGINT,
  'feed' || (i % 3), 'amber', 50, NULL, NULL, NULL, '[]', NULL, NULL FROM range(10000) t(i)`);
await store.exec(`INSERT INTO indicators SELECT 'iv', 'indicator--d' || i, 'domain', 'd' || i || '.example', NULL, 'feed', 'amber',
  50, NULL, NULL, NULL, '[]', NULL, NULL FROM range(10000) t(i)`);

let t = performance.now();
const bare = await store.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT i.id, f.org, count(*) FROM flows f
  JOIN (SELECT DISTINCT id, ip FROM indicators WHERE type = 'ipv4') i ON f.dst = i.ip GROUP BY ALL)`);
const bareSec = (performance.now() - t) / 1000;

t = performance.now();
let findings = 0;
const ctx = { store, params: iocMatchAnalyzer.params.parse({}), caseDir: '', findingsOf: async () => [], log: () => {} };
for await (const _ of iocMatchAnalyzer.run(ctx)) findings++;
const fullSec = (performance.now() - t) / 1000;
await store.close();

console.log(`${N} flows, ${Math.round(N / 5)} DNS, 20000 indicators`);
console.log(`bare flows⋈IP-indicators aggregation: ${bare[0].n} (indicator, org) pairs in ${bareSec.toFixed(2)} s`);
console.log(`ioc-match (flows both ways, CIDRs, DNS queries/answers with subdomains, TLS, windows, leases, merge): ${findings} findings in ${fullSec.toFixed(2)} s`);
console.log(`ratio full / bare: ${(fullSec / bareSec).toFixed(1)}×`);
