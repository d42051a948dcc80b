import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFactories } from '../store/engines.testing.ts';
import type { Store } from '../store/store.ts';
import { createEnricher } from './index.ts';
import { providersFromStore } from './store-providers.ts';

describe('providersFromStore', () => {
  let store: Store;
  beforeAll(async () => {
    store = await engineFactories()[0].create();
    const ev = (id: string, t: number) => ({ id, sha256: id, name: id, bytes: 1, format: 'providers', received_at: t, rows_read: 1,
      rows_stored: 1, rows_rejected: 0, prev_hash: '0', entry_hash: '1' });
    await store.append('evidence', [ev('b', 2000), ev('a', 1000)]);
    await store.append('providers', [
      { evidence_id: 'b', asn: 7684, name: 'SAKURA internet', country: 'JP', abuse_contact: 'abuse@sakura.example', legal_contact: null, tz: 'Asia/Tokyo' },
      { evidence_id: 'a', asn: 7684, name: 'SAKURA old', country: 'JP', abuse_contact: null, legal_contact: null, tz: 'Asia/Tokyo' },
    ]);
  });
  afterAll(async () => { await store.close(); });

  it('plugs the case directory into the enricher (latest row per ASN)', async () => {
    const providers = await providersFromStore(store);
    expect(providers).toEqual([expect.objectContaining({ asn: 7684, name: 'SAKURA internet', abuse_contact: 'abuse@sakura.example', cidrs: [] })]);
    const e = createEnricher({ providers, asnData: false });
    expect(e.lookup('133.242.0.1')).toMatchObject({ asn: null, provider: null }); // no public data loaded, no blocks
  });
});
