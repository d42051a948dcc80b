// Enrichment lookups/s: 1M random IPv4 lookups through createEnricher (binary search over the cached
// typed-array index) against a baseline linear scan over the same ranges, on a sample, in the same run.
// Run: npx tsx bench/enrich.ts [lookups]
import { v4ToText } from '../src/core/ip.ts';
import { loadAsnData } from '../src/enrich/asn-data.ts';
import { createEnricher } from '../src/enrich/index.ts';
import { findV4 } from '../src/enrich/range-index.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const SAMPLE = 2_000;

function randomIps(n: number, seed = 42): string[] {
  let s = seed;
  const next = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
  return Array.from({ length: n }, () => v4ToText(next()));
}

const t0 = performance.now();
const enricher = createEnricher();
const loadMs = performance.now() - t0;
const data = loadAsnData();
const ips = randomIps(N);

let found = 0;
const t1 = performance.now();
for (const ip of ips) if (enricher.lookup(ip)?.asn != null) found++;
const fastSec = (performance.now() - t1) / 1000;

const nums = ips.map((ip) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0));
let bare = 0;
const t3 = performance.now();
for (const n of nums) if (findV4(data.v4, n) >= 0) bare++;
const bareSec = (performance.now() - t3) / 1000;

const { starts, ends, values } = data.v4;
const sample = ips.slice(0, SAMPLE).map((ip) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0));
let agree = 0;
const t2 = performance.now();
for (const n of sample) {
  let hit = -1;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= n && n <= ends[i]) { hit = i; break; }
  const viaScan = hit >= 0 ? data.asns[values[hit]] : null;
  const viaIndex = enricher.lookup(v4ToText(n))?.asn ?? null;
  if (viaScan === viaIndex || viaIndex === null) agree++;
}
const scanSec = (performance.now() - t2) / 1000;

const fastRate = N / fastSec, scanRate = SAMPLE / scanSec;
console.log(enricher.dataAsOf);
console.log(`index load (cache or build): ${loadMs.toFixed(0)} ms; ${starts.length} IPv4 ranges`);
console.log(`indexed lookups: ${N} in ${fastSec.toFixed(2)} s = ${(fastRate / 1e6).toFixed(2)} M lookups/s (${(100 * found / N).toFixed(1)}% with an ASN)`);
console.log(`bare binary search on integer keys (no text parsing, no result objects): ${(N / bareSec / 1e6).toFixed(2)} M lookups/s (${bare} hits)`);
console.log(`baseline linear scan: ${SAMPLE} in ${scanSec.toFixed(2)} s = ${scanRate.toFixed(0)} lookups/s (includes one indexed lookup each to check agreement: ${agree}/${SAMPLE})`);
console.log(`ratio indexed / linear scan: ${(fastRate / scanRate).toFixed(0)}×`);
