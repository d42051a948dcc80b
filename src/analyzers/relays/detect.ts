// The relay detector end to end: merge sensors' observations, sweep candidates, score each (packet level
// when both sides have timing, else flow level), keep the best inbound per outbound, join chains.
import { bestPerOutbound } from './assign.ts';
import { sweepCandidates, type EmitCandidate } from './candidates.ts';
import { RELAY_DEFAULTS, type RelayConfig } from './config.ts';
import { scoreFlowPair } from './flow-score.ts';
import { buildChains } from './chains.ts';
import { stitchUnidirectional } from './biflows.ts';
import { mergeObservations } from './merge.ts';
import { round, scorePacketPair, timingGrid, type PairScore } from './packet-score.ts';
import { TimingIndex } from './timing-index.ts';
import type { RelayConnection, RelayPair, RelayResult } from './types.ts';

export type DetectMode = 'auto' | 'packet' | 'flow';

export type CandidateGenerator = (conns: RelayConnection[], emit: EmitCandidate) => number;

export function detectRelays(
  observations: RelayConnection[], cfg: RelayConfig = RELAY_DEFAULTS, mode: DetectMode = 'auto',
  generate: CandidateGenerator = sweepCandidates,
): RelayResult {
  const merged = mergeObservations(stitchUnidirectional(observations));
  const scored: RelayPair[] = [];
  const byMethod = { packet: 0, flow: 0 };
  const index = mode === 'flow' ? undefined : TimingIndex.build(merged.observations, timingGrid(cfg));
  const keep = (inbound: RelayConnection, outbound: RelayConnection, relay: string, method: RelayPair['method'], s: PairScore) =>
    scored.push({ inbound: inbound.id, outbound: outbound.id, relay, sensor: outbound.sensor, method, ...s });
  const candidates = generate(merged.observations, (inbound, outbound, relay) => {
    if (mode !== 'flow' && inbound.timing && outbound.timing) {
      byMethod.packet++;
      const s = scorePacketPair(inbound, outbound, cfg, index);
      if (s && s.score >= cfg.minPacketScore) keep(inbound, outbound, relay, 'packet', s);
    } else if (mode !== 'packet') {
      byMethod.flow++;
      const s = scoreFlowPair(inbound, outbound, cfg, cfg.minFlowScore);
      if (s && s.score >= cfg.minFlowScore) keep(inbound, outbound, relay, 'flow', s);
    }
  });
  const { pairs } = bestPerOutbound(scored, cfg.ambiguityMargin);
  applyRepetition(pairs, merged.connections, cfg);
  const unique = dedupeAcrossSensors(pairs);
  return { connections: merged.connections, pairs: unique, chains: buildChains(unique), candidates, candidatesByMethod: byMethod };
}

/** Flow pairs: the same origin → relay → destination pairing seen in several sessions is more credible. */
function applyRepetition(pairs: RelayPair[], conns: RelayConnection[], cfg: RelayConfig): void {
  const byId = new Map(conns.map((c) => [c.id, c]));
  const key = (p: RelayPair) => {
    const i = byId.get(p.inbound)!, o = byId.get(p.outbound)!;
    return `${i.src}|${p.relay}|${o.dst}:${o.dport}`;
  };
  const reps = new Map<string, number>();
  for (const p of pairs) if (p.method === 'flow') reps.set(key(p), (reps.get(key(p)) ?? 0) + 1);
  for (const p of pairs) {
    if (p.method !== 'flow') continue;
    const n = reps.get(key(p))!;
    p.components.repetition = n;
    p.score = round(Math.min(cfg.flowMaxScore, p.score * (1 + 0.1 * Math.min(n - 1, 5))));
  }
}

/**
 * The same pair seen by two sensors (a router and the relay itself) is reported once, with every sighting:
 * a packet-level sighting wins over flow-level ones (timing is the stronger evidence), else the best score.
 */
function dedupeAcrossSensors(pairs: RelayPair[]): RelayPair[] {
  const rank = (p: Pick<RelayPair, 'method' | 'score'>) => (p.method === 'packet' ? 1 : 0) + p.score / 2;
  const best = new Map<string, RelayPair>();
  for (const p of pairs) {
    const k = `${p.inbound}\u0000${p.outbound}`;
    const b = best.get(k);
    const seen = [...(b?.seenBy ?? []), { sensor: p.sensor, method: p.method, score: p.score }];
    best.set(k, { ...(!b || rank(p) > rank(b) ? p : b), seenBy: seen.sort((x, y) => rank(y) - rank(x)) });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.outbound < b.outbound ? -1 : 1));
}
