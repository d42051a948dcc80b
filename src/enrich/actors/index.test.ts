import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stixFormat } from '../../ingest/stix/format.ts';
import { mispFormat } from '../../ingest/misp/format.ts';
import { iocsFormat } from '../../ingest/iocs/format.ts';
import { parseText } from '../../ingest/iocs/testing.ts';
import { engineFactories } from '../../store/engines.testing.ts';
import type { Store } from '../../store/store.ts';
import { resolveActors } from './index.ts';

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = { spec_version: '2.1', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z' };

async function load(store: Store, rows: Record<string, Record<string, unknown>[]>, evidence: string) {
  for (const [t, rs] of Object.entries(rows)) await store.append(t as never, rs.map((r) => ({ ...r, evidence_id: evidence })));
}

describe('resolveActors over a store', () => {
  let store: Store;
  beforeAll(async () => { store = await engineFactories()[0].create(); });
  afterAll(async () => { await store.close(); });

  it('joins STIX, MISP and IOC-list actors into one record per group, written to intel_objects.actor', async () => {
    const stix = JSON.stringify({ type: 'bundle', id: `bundle--${U(0)}`, objects: [
      { ...base, type: 'intrusion-set', id: `intrusion-set--${U(1)}`, name: 'BRONZE BUTLER', aliases: ['Tick', 'REDBALDKNIGHT'],
        external_references: [{ source_name: 'mitre-attack', external_id: 'G0060' }] },
      { ...base, type: 'intrusion-set', id: `intrusion-set--${U(2)}`, name: 'menuPass', aliases: ['APT10'],
        external_references: [{ source_name: 'mitre-attack', external_id: 'G0045' }] },
      { ...base, type: 'malware', id: `malware--${U(3)}`, name: 'PlugX', is_family: true },
      { ...base, type: 'relationship', id: `relationship--${U(4)}`, relationship_type: 'uses', source_ref: `intrusion-set--${U(1)}`, target_ref: `malware--${U(3)}` },
      { ...base, type: 'relationship', id: `relationship--${U(5)}`, relationship_type: 'uses', source_ref: `intrusion-set--${U(2)}`, target_ref: `malware--${U(3)}` },
    ] });
    const misp = readFileSync(new URL('../../ingest/misp/fixtures/circl-sednit-event-trimmed.json', import.meta.url), 'utf8');
    const csv = 'value,group\n203.0.113.9,Tick\n198.51.100.3,Stone Panda\n198.51.100.4,APT 10\n';
    await load(store, (await parseText(stixFormat, stix)).rows, 'e1');
    await load(store, (await parseText(mispFormat, misp)).rows, 'e2');
    await load(store, (await parseText(iocsFormat, csv)).rows, 'e3');
    const actors = await resolveActors(store);
    // 'Stone Panda' stays apart: nothing in these inputs names it as an alias of menuPass/APT10.
    expect(actors.map((a) => a.id).sort()).toEqual(['actor:G0045', 'actor:G0060', 'actor:sofacy', 'actor:stonepanda']);
    const rows = await store.query<{ name: string; actor: string }>(
      "SELECT DISTINCT name, actor FROM intel_objects WHERE type = 'intrusion-set' ORDER BY name");
    expect(rows).toEqual([
      { name: 'APT 10', actor: 'actor:G0045' }, { name: 'BRONZE BUTLER', actor: 'actor:G0060' },
      { name: 'Sofacy', actor: 'actor:sofacy' }, { name: 'Stone Panda', actor: 'actor:stonepanda' },
      { name: 'Tick', actor: 'actor:G0060' }, { name: 'menuPass', actor: 'actor:G0045' },
    ]);
    const tools = await store.query<{ n: number }>("SELECT count(*) AS n FROM intel_objects WHERE actor IS NOT NULL AND type NOT IN ('intrusion-set','threat-actor')");
    expect(tools[0].n).toBe(0);
  });
});
