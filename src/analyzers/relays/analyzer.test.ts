import { createReadStream, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import { pcapFormat } from '../../ingest/pcap/format.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import type { Row } from '../../store/store.ts';
import { relaysAnalyzer, RelayAnalyzerParamsSchema } from './analyzer.ts';
import { scoreRelayPairs, truthTuple } from './truth.ts';

const FIX = new URL('../../../test/relays-netns/fixture/', import.meta.url).pathname;

async function ingest(store: DuckDbStore, file: string, evidence: string): Promise<void> {
  for await (const b of pcapFormat.parse({ path: FIX + file, open: () => createReadStream(FIX + file) }, { file })) {
    for (const [table, rows] of Object.entries(b.rows) as Array<[string, Row[]]>) {
      for (const r of rows) { r.evidence_id = evidence; if (table === 'flows') { r.src_int = 0; r.dst_int = 0; } }
      await store.append(table as 'flows' | 'packets', rows);
    }
  }
}

describe('relays analyzer over the case store', () => {
  let store: DuckDbStore;
  const findings: Finding[] = [];
  beforeAll(async () => {
    store = await DuckDbStore.open({});
    await ingest(store, 'relay1.pcapng', 'ev-r1');
    await ingest(store, 'relay2.pcap', 'ev-r2');
    const ctx = { store, params: RelayAnalyzerParamsSchema.parse({}), caseDir: '', findingsOf: async () => [], log: () => {} };
    for await (const f of relaysAnalyzer.run(ctx)) findings.push(f);
  }, 60_000);
  afterAll(async () => { await store.close(); });

  it('finds the real relayed pairs from store packets, one finding each, with tuples and evidence', () => {
    const truth = JSON.parse(readFileSync(FIX + 'ground-truth.json', 'utf8')) as { pairs: Array<{ inbound: never; outbound: never }> };
    const pairs = findings.filter((f) => f.kind === 'relay-pair');
    const found = pairs.map((f) => { const [inbound, outbound] = f.subject.split(' => '); return { inbound, outbound }; });
    const s = scoreRelayPairs(found, truth.pairs.map((p) => ({ inbound: truthTuple(p.inbound), outbound: truthTuple(p.outbound) })));
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    const d = pairs[0].details as { method: string; components: Record<string, number>; inbound: { src: string }; relay: string };
    expect(d.method).toBe('packet');
    expect(d.components.onoff).toBeGreaterThan(0.5);
    expect(d.inbound.src).toMatch(/^10\.9\.0\./);
    expect(pairs[0].evidence_ids.length).toBeGreaterThan(0);
  });

  it('emits chains across both relays', () => {
    const chains = findings.filter((f) => f.kind === 'relay-chain');
    expect(chains.filter((c) => c.subject.split(' -> ').length === 3).length).toBeGreaterThanOrEqual(5);
    expect(chains.find((c) => c.subject.split(' -> ').length === 3)!.evidence_ids).toEqual(['ev-r1', 'ev-r2']);
  });
});
