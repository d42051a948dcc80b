// Attribution against real multi-group threat intel (Unit 42 adversary playbooks, test/fixtures/intel-unit42):
// ingest every bundle as prior intel into a fresh case, then for each group G feed a victim SOC's STIX 2.1
// sightings and record where G ranks. Runs: (1) all of G's techniques and malware; (2) only G's techniques and
// software that at least --shared groups in the corpus also list; (3) --repeats random halves of G's
// techniques (seeded). Usage: npx tsx bench/attribution-real-intel.ts [--shared 3] [--repeats 5] [--seed 7]
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/core/random.ts';
import { openCase } from '../src/cli/case.ts';
import { resolveActors } from '../src/enrich/actors/index.ts';
import { main as cli } from '../src/cli/main.ts';
import { loadCorpus, type Item } from './attribution-real-intel/corpus.ts';
import { groupActor, runTrial } from './attribution-real-intel/trial.ts';
import { outcome, rankText, verdictText, type Outcome } from './attribution-real-intel/verdict.ts';

const { values } = parseArgs({ options: {
  dir: { type: 'string', default: 'test/fixtures/intel-unit42' }, shared: { type: 'string', default: '3' },
  repeats: { type: 'string', default: '5' }, seed: { type: 'string', default: '7' },
} });
const SHARED = Number(values.shared), REPEATS = Number(values.repeats);

async function ingest(caseDir: string, files: string[]): Promise<void> {
  const out = process.stdout.write, err = process.stderr.write;
  process.stdout.write = (() => true) as never;
  process.stderr.write = (() => true) as never;
  try {
    if (await cli(['node', 'hoptrace', 'ingest', '--case', caseDir, '--quiet', ...files]) !== 0) throw new Error('ingest failed');
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

function half(items: Item[], rnd: () => number): Item[] {
  const shuffled = items.map((i) => ({ i, k: rnd() })).sort((a, b) => a.k - b.k).map((x) => x.i);
  return shuffled.slice(0, Math.ceil(items.length / 2));
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const fmt = (o: Outcome) => `${pad(rankText(o), 6)}${pad(o.margin.toFixed(3), 8)}${verdictText(o)}`;

async function main(): Promise<void> {
  const corpus = loadCorpus(values.dir!);
  const dir = mkdtempSync(join(tmpdir(), 'hoptrace-real-intel-'));
  const caseDir = join(dir, 'case');
  await ingest(caseDir, corpus.files.map((f) => join(corpus.dir, f)));
  const kase = await openCase(caseDir);
  const rnd = mulberry32(Number(values.seed));
  await resolveActors(kase.store); // the analyzer does this too; the ground-truth lookup below needs it first
  const tally = { full: [] as Outcome[], shared: [] as Outcome[], halves: [] as Outcome[] };
  try {
    const hist = [...corpus.sharedBy.values()].reduce((h, n) => h.set(n, (h.get(n) ?? 0) + 1), new Map<number, number>());
    console.log(`items listed by k groups: ${[...hist.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => `k=${k}: ${n}`).join(', ')}`);
    console.log(`${corpus.groups.length} groups from ${corpus.dir}; shared = listed by >= ${SHARED} groups; ${REPEATS} random halves per group (seed ${values.seed})`);
    console.log(`${pad('group', 24)}${pad('#tech', 6)}${pad('#sw', 4)}${pad('#own', 5)}| full: ${pad('rank', 5)}${pad('margin', 8)}${pad('verdict', 34)}| shared-only (#items): rank margin verdict`);
    for (const g of corpus.groups) {
      const actor = await groupActor(kase.store, g);
      const full = outcome(await runTrial(kase.store, `${g.name}/full`, [...g.techniques, ...g.software]), actor);
      const sharedItems = [...g.techniques, ...g.software].filter((i) => (corpus.sharedBy.get(i.key) ?? 0) >= SHARED);
      const shared = sharedItems.length ? outcome(await runTrial(kase.store, `${g.name}/shared`, sharedItems), actor) : null;
      for (let r = 0; r < REPEATS; r++) tally.halves.push(outcome(await runTrial(kase.store, `${g.name}/half-${r}`, half(g.techniques, rnd)), actor));
      tally.full.push(full);
      if (shared) tally.shared.push(shared);
      const own = [...g.techniques, ...g.software].filter((i) => corpus.sharedBy.get(i.key) === 1).length;
      console.log(`${pad(g.name, 24)}${pad(g.techniques.length, 6)}${pad(g.software.length, 4)}${pad(own, 5)}| ${pad(fmt(full), 47)}| (${sharedItems.length}) ${shared ? fmt(shared) : 'no shared items'}`);
    }
  } finally {
    await kase.close();
    rmSync(dir, { recursive: true, force: true });
  }
  summary(tally);
  console.log(`load: ${execSync('uptime').toString().trim()}`);
}

function summary(t: Record<'full' | 'shared' | 'halves', Outcome[]>): void {
  const count = (xs: Outcome[], v: Outcome['verdict']) => xs.filter((o) => o.verdict === v).length;
  const first = (xs: Outcome[]) => xs.filter((o) => o.rank === 1 && o.tied === 0).length;
  const meanMargin = (xs: Outcome[]) => (xs.reduce((s, o) => s + o.margin, 0) / Math.max(1, xs.length)).toFixed(3);
  for (const [name, xs] of Object.entries(t)) {
    console.log(`${pad(name, 7)} n=${pad(xs.length, 4)} alone first ${first(xs)}/${xs.length}, tied first ${xs.filter((o) => o.rank === 1 && o.tied > 0).length}, confident & right ${count(xs, 'right')}, ` +
      `confident & wrong ${count(xs, 'wrong')}, no confident attribution ${count(xs, 'abstained')}, mean margin ${meanMargin(xs)}`);
  }
}

await main();
