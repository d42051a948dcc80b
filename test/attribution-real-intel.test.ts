// Attribution against real multi-group intel (Unit 42 playbooks): a victim's sightings of one group's own
// techniques and malware put that group first with confident words; sightings of only widely shared
// techniques give "no confident attribution". Before campaigns and report object_refs were followed, no
// technique in these playbooks reached any group and the analyzer produced no candidate at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActors } from '../src/enrich/actors/index.ts';
import { stixFormat } from '../src/ingest/stix/format.ts';
import { parseText } from '../src/ingest/iocs/testing.ts';
import { engineFactories } from '../src/store/engines.testing.ts';
import type { Store } from '../src/store/store.ts';
import type { TableName } from '../src/store/schema.ts';
import { loadCorpus, type Group } from '../bench/attribution-real-intel/corpus.ts';
import { runTrial } from '../bench/attribution-real-intel/trial.ts';
import { outcome } from '../bench/attribution-real-intel/verdict.ts';

const corpus = loadCorpus(new URL('./fixtures/intel-unit42', import.meta.url).pathname);

describe('attribution over the Unit 42 playbooks', () => {
  let store: Store;
  const actorOf = new Map<string, string>();
  beforeAll(async () => {
    store = await engineFactories()[0].create();
    for (const f of corpus.files) {
      const r = await parseText(stixFormat, readFileSync(join(corpus.dir, f)), { file: f });
      expect(r.rejects).toEqual([]);
      for (const [t, rows] of Object.entries(r.rows)) if (rows.length) await store.append(t as TableName, rows.map((x) => ({ ...x, evidence_id: f })));
    }
    await resolveActors(store);
    for (const g of corpus.groups) {
      actorOf.set(g.name, (await store.query<{ actor: string }>('SELECT DISTINCT actor FROM intel_objects WHERE id = $id', { id: g.intrusionSet }))[0].actor);
    }
  });
  afterAll(async () => { await store.close(); });

  const group = (name: string): Group => corpus.groups.find((g) => g.name === name)!;

  it.each(['Patchwork', 'Rancor', 'Chafer'])('%s: its own techniques and malware rank it first, confidently', async (name) => {
    const g = group(name);
    const o = outcome(await runTrial(store, `test/${name}`, [...g.techniques, ...g.software]), actorOf.get(name)!);
    expect(o).toMatchObject({ rank: 1, tied: 0, verdict: 'right' });
    expect(o.margin).toBeGreaterThan(0.3);
  });

  it('techniques listed by three or more groups only: no confident attribution, and a smaller lead than its own techniques give', async () => {
    const g = group('DarkHydrus');
    const full = outcome(await runTrial(store, 'test/full', [...g.techniques, ...g.software]), actorOf.get('DarkHydrus')!);
    const shared = g.techniques.filter((i) => (corpus.sharedBy.get(i.key) ?? 0) >= 3);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    const findings = await runTrial(store, 'test/shared', shared);
    expect(findings.some((f) => f.kind === 'no-confident-attribution')).toBe(true);
    expect(findings.filter((f) => f.kind === 'actor').every((f) => f.details.confidence === 'unlikely')).toBe(true);
    expect(outcome(findings, actorOf.get('DarkHydrus')!).margin).toBeLessThan(full.margin / 2);
  });

  it('removes the sightings after each trial (trials do not leak into each other)', async () => {
    expect(await store.count('sightings')).toBe(0);
  });
});
