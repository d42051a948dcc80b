// relays: relay pairs (an inbound connection of a relay continued by one of its outbound connections) against
// the simulator's relay chains, whose consecutive hops are the true pairs. Packet level = pairs a relay
// capture found (packet timing); flow level = pairs a flow sensor (border-router NetFlow) found from records
// alone. tp/fp/fn are packet level; flow-level figures, false positives per 1000 candidate pairs of each
// method and the chains rebuilt end to end are in extra.
import type { Finding } from '../../../src/core/types.ts';
import { scoreRelayPairs, truthTuple, type TuplePair } from '../../../src/analyzers/relays/truth.ts';
import type { GroundTruth } from '../../../src/sim/ground-truth.ts';
import type { Score } from './types.ts';

interface PairDetails { seen_by?: Array<{ method: string }>; candidates_in_run?: { packet: number; flow: number } }

export function truthPairs(truth: GroundTruth): TuplePair[] {
  return truth.relay_chains.flatMap((c) => c.hops.slice(1).map((h, k) => ({ inbound: truthTuple(c.hops[k]), outbound: truthTuple(h) })));
}

const split = (f: Finding): TuplePair => { const [inbound, outbound] = f.subject.split(' => '); return { inbound, outbound }; };

export const relays = (findings: Finding[], truth: GroundTruth): Score => {
  const want = truthPairs(truth);
  const pairs = findings.filter((f) => f.kind === 'relay-pair');
  const by = (method: string) => pairs.filter((f) => ((f.details as PairDetails).seen_by ?? [{ method: f.details.method as string }]).some((s) => s.method === method)).map(split);
  const run = (pairs[0]?.details as PairDetails | undefined)?.candidates_in_run ?? { packet: 0, flow: 0 };
  const packet = scoreRelayPairs(by('packet'), want, run.packet);
  const flow = scoreRelayPairs(by('flow'), want, run.flow);
  const chains = new Set(findings.filter((f) => f.kind === 'relay-chain').map((f) => f.subject.replace(/#\d+/g, '')));
  const rebuilt = truth.relay_chains.filter((c) => chains.has(c.hops.map(truthTuple).join(' -> '))).length;
  return {
    tp: packet.tp, fp: packet.fp, fn: packet.fn,
    extra: {
      packet_candidates: run.packet, packet_fp_per_1000: packet.fpPerThousandCandidates,
      flow_tp: flow.tp, flow_fp: flow.fp, flow_fn: flow.fn, flow_precision: flow.precision, flow_recall: flow.recall,
      flow_candidates: run.flow, flow_fp_per_1000: flow.fpPerThousandCandidates,
      chains_rebuilt: `${rebuilt}/${truth.relay_chains.length}`,
    },
  };
};
