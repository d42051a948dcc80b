// `relays`: stepping-stone pairs (an outbound connection of a host carrying the session of an inbound one)
// and the chains they form across relays, from packet timing where captures exist, else flow records.
import { z } from 'zod';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { RelayConfigSchema } from './config.ts';
import { detectRelays } from './detect.ts';
import { connectionsFromStore } from './store-input.ts';
import type { RelayConnection } from './types.ts';

export const RelayAnalyzerParamsSchema = RelayConfigSchema.extend({
  since: z.number().default(0),
  until: z.number().default(4102444800),
});
export type RelayAnalyzerParams = z.infer<typeof RelayAnalyzerParamsSchema>;

const tuple = (c: RelayConnection | undefined) =>
  c && { proto: c.proto, src: c.src, sport: c.sport, dst: c.dst, dport: c.dport, start: c.start, end: c.end };

export const relaysAnalyzer: Analyzer<RelayAnalyzerParams> = {
  id: 'relays',
  version: '1.0.0',
  description: 'stepping-stone relays: which outbound connection continues which inbound one, and the chains across relays',
  needs: { tables: ['flows', 'packets'], analyzers: [] },
  params: RelayAnalyzerParamsSchema,
  async *run(ctx) {
    const { since, until, ...cfg } = ctx.params;
    const observed = await connectionsFromStore(ctx.store, { since, until });
    const result = detectRelays(observed, RelayConfigSchema.parse(cfg));
    ctx.log(`${observed.length} connections, ${result.candidates} candidate pairs, ${result.pairs.length} relay pairs, ${result.chains.length} chains`);
    const byId = new Map(result.connections.map((c) => [c.id, c]));
    const evidenceOf = (ids: string[]) => [...new Set(observed.filter((o) => ids.includes(o.id)).flatMap((o) => o.evidence ?? []))].sort();
    for (const p of result.pairs) {
      const inb = byId.get(p.inbound), out = byId.get(p.outbound);
      yield makeFinding({
        analyzer: 'relays', kind: 'relay-pair', subject: `${p.inbound} => ${p.outbound}`, score: p.score,
        confidence: p.method === 'packet' ? p.score : Math.min(p.score, cfg.flowMaxScore),
        first_seen: inb?.start ?? null, last_seen: inb?.end ?? null,
        details: {
          relay: p.relay, method: p.method, components: p.components, inbound: tuple(inb), outbound: tuple(out),
          seen_by: p.seenBy ?? [], candidates_in_run: result.candidatesByMethod,
        },
        evidence_ids: evidenceOf([p.inbound, p.outbound]),
      });
    }
    for (const c of result.chains) {
      const conns = c.hops.map((h) => byId.get(h));
      yield makeFinding({
        analyzer: 'relays', kind: 'relay-chain', subject: c.hops.join(' -> '), score: c.score,
        first_seen: conns[0]?.start ?? null, last_seen: conns[0]?.end ?? null,
        details: { origin: conns[0]?.src, target: conns[conns.length - 1]?.dst, relays: c.relays, hops: conns.map(tuple) },
        evidence_ids: evidenceOf(c.hops),
      });
    }
  },
};
