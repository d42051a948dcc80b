// One trial: a victim SOC's STIX 2.1 sightings of some intel objects, stored under a throw-away evidence id,
// the attribution analyzer run over the case, the sightings removed again.
import type { Finding } from '../../src/core/types.ts';
import { uuidv5 } from '../../src/core/ids.ts';
import { attributionAnalyzer } from '../../src/analyzers/attribution/analyzer.ts';
import { parseText } from '../../src/ingest/iocs/testing.ts';
import { stixFormat } from '../../src/ingest/stix/format.ts';
import type { Row, Store } from '../../src/store/store.ts';
import type { TableName } from '../../src/store/schema.ts';
import type { Group, Item } from './corpus.ts';

const NS = '6f1c8b8e-2a7e-4c1e-9a57-5b1d0c3e7a10';

export function sightingsBundle(label: string, items: Item[]): object {
  const identity = `identity--${uuidv5(`${label}/soc`, NS)}`;
  const ts = '2026-11-20T09:00:00.000Z';
  return {
    type: 'bundle', id: `bundle--${uuidv5(label, NS)}`,
    objects: [
      { type: 'identity', spec_version: '2.1', id: identity, created: ts, modified: ts, name: 'Victim SOC', identity_class: 'organization' },
      ...items.map((it) => ({
        type: 'sighting', spec_version: '2.1', id: `sighting--${uuidv5(`${label}/${it.id}`, NS)}`, created: ts, modified: ts,
        sighting_of_ref: it.id, where_sighted_refs: [identity], first_seen: ts, last_seen: ts, count: 1,
      })),
    ],
  };
}

/** Parses one STIX bundle and stores its rows under `evidence`; throws on any reject. */
export async function appendBundle(store: Store, bundle: string | Buffer, file: string, evidence: string): Promise<void> {
  const parsed = await parseText(stixFormat, bundle, { file });
  if (parsed.rejects.length) throw new Error(`${file}: bundle rejected: ${parsed.rejects[0].reason}`);
  for (const [t, rows] of Object.entries(parsed.rows) as Array<[TableName, Row[]]>) {
    if (rows.length) await store.append(t, rows.map((r) => ({ ...r, evidence_id: evidence })));
  }
}

/** The canonical actor id the case resolved for a group's intrusion set ('' when none). */
export async function groupActor(store: Store, g: Group): Promise<string> {
  const rows = await store.query<{ actor: string }>('SELECT DISTINCT actor FROM intel_objects WHERE id = $id', { id: g.intrusionSet });
  return rows[0]?.actor ?? '';
}

export async function runTrial(store: Store, label: string, items: Item[]): Promise<Finding[]> {
  const evidence = `trial-${uuidv5(label, NS)}`;
  await appendBundle(store, JSON.stringify(sightingsBundle(label, items)), `${label}.json`, evidence);
  try {
    const out: Finding[] = [];
    const ctx = { store, params: attributionAnalyzer.params.parse({ maxCandidates: 100 }), caseDir: '', findingsOf: async () => [], log: () => {} };
    for await (const f of attributionAnalyzer.run(ctx)) out.push(f);
    return out;
  } finally {
    await store.deleteEvidenceRows(evidence);
  }
}
