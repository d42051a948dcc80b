// Chains: pairs on successive relays joined where one pair's outbound is the next pair's inbound (the
// same connection id, seen by both relays' sensors). Every maximal path origin → … → target is a chain;
// its score is the weakest link.
import type { RelayChain, RelayPair } from './types.ts';

export function buildChains(pairs: RelayPair[]): RelayChain[] {
  const next = new Map<string, RelayPair[]>();
  const isOutbound = new Set<string>();
  for (const p of pairs) {
    const list = next.get(p.inbound);
    if (list) list.push(p); else next.set(p.inbound, [p]);
    isOutbound.add(p.outbound);
  }
  const chains: RelayChain[] = [];
  const walk = (id: string, hops: string[], relays: string[], score: number, seen: Set<string>) => {
    const onward = (next.get(id) ?? []).filter((p) => !seen.has(p.outbound));
    if (!onward.length) {
      if (hops.length >= 2) chains.push({ hops, relays, score });
      return;
    }
    for (const p of onward) {
      walk(p.outbound, [...hops, p.outbound], [...relays, p.relay], Math.min(score, p.score), new Set([...seen, p.outbound]));
    }
  };
  for (const id of next.keys()) if (!isOutbound.has(id)) walk(id, [id], [], 1, new Set([id]));
  return chains.sort((a, b) => b.hops.length - a.hops.length || b.score - a.score);
}
