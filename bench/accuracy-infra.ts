// npx tsx bench/accuracy-infra.ts [--seeds K] [--first-seed N] [--victims N] [--days N] [--background-rate R] [--keep DIR]
// shared-infra and beacons on held-out simulator seeds (from 1000; tests use seeds below 1000), each seed
// twice: without prior indicators (the STIX bundle left out) and with the prior bundle ingested.
// Prints precision/recall of attacker servers, where the research scanners rank, and for beacons the recall
// and the false-positive rate among all internal→external pairs with ≥ 4 connections.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { beaconsAnalyzer, BeaconParamsSchema, beaconParams } from '../src/analyzers/beacons/analyzer.ts';
import { scoredPairs } from '../src/analyzers/beacons/pairs.ts';
import { InfraParamsSchema, sharedInfraAnalyzer } from '../src/analyzers/shared-infra/analyzer.ts';
import type { Finding } from '../src/core/types.ts';
import { openCase, type Case } from '../src/cli/case.ts';
import { ingestFile } from '../src/cli/ingest/run-ingest.ts';
import type { GroundTruth } from '../src/sim/ground-truth.ts';
import { simulate } from '../src/sim/simulate.ts';
import { beacons as beaconScorer } from './accuracy/scorers/beacons.ts';
import { sharedInfra as infraScorer } from './accuracy/scorers/shared-infra.ts';
import { prf } from './accuracy/scorers/types.ts';

const { values } = parseArgs({ options: {
  seeds: { type: 'string', default: '3' }, 'first-seed': { type: 'string', default: '1000' },
  victims: { type: 'string', default: '60' }, days: { type: 'string', default: '10' }, 'background-rate': { type: 'string', default: '20' },
  keep: { type: 'string' },
} });

const f3 = (x: number) => x.toFixed(3);

interface Entry { path: string; format: string; org?: string; sensor?: string; tz?: string; provider?: string; map?: Record<string, string>; tlp?: string; source?: string }

/** The simulator's manifest, org directory first (the runner needs it to classify flows). */
function manifest(simDir: string): Entry[] {
  const files = (JSON.parse(readFileSync(join(simDir, 'manifest.json'), 'utf8')) as { files: Entry[] }).files;
  const order = (f: string) => (f === 'orgs' ? 0 : f === 'providers' ? 1 : 2);
  return files.map((f) => ({ ...f, path: join(simDir, f.path) })).sort((a, b) => order(a.format) - order(b.format));
}

async function findings(kase: Case, analyzer: typeof beaconsAnalyzer | typeof sharedInfraAnalyzer): Promise<Finding[]> {
  const out: Finding[] = [];
  const params = (analyzer.params as { parse(x: unknown): unknown }).parse({});
  for await (const f of (analyzer as typeof beaconsAnalyzer).run({
    store: kase.store, params: params as never, caseDir: kase.dir, findingsOf: async () => [], log: () => {},
  })) out.push(f);
  return out;
}

/** Beacon false-positive rate among every internal→external pair with ≥ 4 connections (the negatives). */
async function beaconRates(kase: Case, truth: GroundTruth) {
  const p = BeaconParamsSchema.parse({});
  const pairs = await scoredPairs(kase.store, { minConnections: 4, strobePerDay: p.strobePerDay, byPort: true, allPairs: false }, beaconParams(p));
  const truthKeys = new Set(truth.beacons.flatMap((b) => [b.host, b.host_public].map((h) => `${b.org}|${h}→${b.ip}:${b.dport}`)));
  const key = (x: (typeof pairs)[number]) => `${x.org ?? ''}|${x.src}→${x.dst}:${x.dport}`;
  const negatives = pairs.filter((x) => !truthKeys.has(key(x)));
  const fp = negatives.filter((x) => x.strobe || x.score >= p.minScore).length;
  return { negatives: negatives.length, fp, fpRate: negatives.length ? fp / negatives.length : 0 };
}

async function evaluate(seed: number, withIntel: boolean, dir: string, truth: GroundTruth): Promise<void> {
  const caseDir = join(dir, withIntel ? 'case-intel' : 'case-no-ioc');
  const kase = await openCase(caseDir, { create: true });
  try {
    const entries = manifest(join(dir, 'sim')).filter((e) => withIntel || !['stix', 'misp', 'iocs'].includes(e.format));
    for (const e of entries) {
      await ingestFile(kase, e.path, { ...e, format: e.format as never, tz: e.tz ?? 'UTC', quiet: true });
    }
    const infra = await findings(kase, sharedInfraAnalyzer);
    const s = infraScorer(infra, truth);
    const m = prf(s);
    const scanners = truth.research_scanners.map((x) => {
      const rank = [...infra].filter((f) => f.kind === 'endpoint').sort((a, b) => b.score - a.score).findIndex((f) => f.subject === x.ip);
      return rank < 0 ? 'unranked' : `#${rank + 1}`;
    });
    const label = withIntel ? 'prior bundle' : 'no prior IOC';
    console.log(`${seed}  shared-infra  ${label.padEnd(12)}  tp ${s.tp} fp ${s.fp} fn ${s.fn}  precision ${f3(m.precision)} recall ${f3(m.recall)}  ${Object.entries(s.extra ?? {}).map(([k, v]) => `${k}=${typeof v === 'number' ? f3(v) : v}`).join(' ')}  scanners ${scanners.join(',')}`);
    if (!withIntel) {
      const b = beaconScorer(await findings(kase, beaconsAnalyzer), truth);
      const bm = prf(b);
      const r = await beaconRates(kase, truth);
      console.log(`${seed}  beacons                     tp ${b.tp} fp ${b.fp} fn ${b.fn}  precision ${f3(bm.precision)} recall ${f3(bm.recall)}  fp rate ${f3(r.fpRate)} (${r.fp}/${r.negatives} non-beacon pairs with ≥ 4 connections)  ${Object.entries(b.extra ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    }
  } finally {
    await kase.close();
  }
}

const first = Number(values['first-seed']);
console.log(`held-out seeds ${first}..${first + Number(values.seeds) - 1}: victims ${values.victims}, days ${values.days}, background-rate ${values['background-rate']}`);
for (let seed = first; seed < first + Number(values.seeds); seed++) {
  const dir = values.keep ? join(values.keep, String(seed)) : mkdtempSync(join(tmpdir(), `hoptrace-infra-acc-${seed}-`));
  mkdirSync(dir, { recursive: true });
  simulate({ seed, victims: Number(values.victims), days: Number(values.days), backgroundRate: Number(values['background-rate']), intel: 'full', out: join(dir, 'sim') });
  const truth = JSON.parse(readFileSync(join(dir, 'sim', 'ground-truth.json'), 'utf8')) as GroundTruth;
  await evaluate(seed, false, dir, truth);
  await evaluate(seed, true, dir, truth);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
