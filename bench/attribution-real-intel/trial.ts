// One trial: a victim SOC's STIX 2.1 sightings of some intel objects, stored under a throw-away evidence id,
// the attribution analyzer run over the case, the sightings removed again.
import { Readable } from 'node:stream';
import type { Finding } from '../../src/core/types.ts';
import { uuidv5 } from '../../src/core/ids.ts';
import { attributionAnalyzer } from '../../src/analyzers/attribution/analyzer.ts';
import { parseStix } from '../../src/ingest/stix/format.ts';
import type { Store } from '../../src/store/store.ts';
import type { TableName } from '../../src/store/schema.ts';
import type { Item } from './corpus.ts';

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

export async function runTrial(store: Store, label: string, items: Item[]): Promise<Finding[]> {
  const text = Buffer.from(JSON.stringify(sightingsBundle(label, items)));
  const evidence = `trial-${uuidv5(label, NS)}`;
  for await (const batch of parseStix({ path: 'mem', open: () => Readable.from([text]) }, { file: `${label}.json` })) {
    if (batch.rejects.length) throw new Error(`sightings bundle rejected: ${batch.rejects[0].reason}`);
    for (const [t, rows] of Object.entries(batch.rows)) if (rows?.length) await store.append(t as TableName, rows.map((r) => ({ ...r, evidence_id: evidence })));
  }
  try {
    const out: Finding[] = [];
    const ctx = { store, params: attributionAnalyzer.params.parse({ maxCandidates: 100 }), caseDir: '', findingsOf: async () => [], log: () => {} };
    for await (const f of attributionAnalyzer.run(ctx)) out.push(f);
    return out;
  } finally {
    await store.deleteEvidenceRows(evidence);
  }
}
