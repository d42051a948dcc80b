// The real stepping-stone capture (make-capture.sh): OpenSSH sessions typed through two relays with decoys
// and scp noise. Packet level must reach precision ≥ 0.99 and recall ≥ 0.95; flow-level figures are printed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectRelays } from '../../src/analyzers/relays/detect.ts';
import { withoutTiming } from '../../src/analyzers/relays/from-capture.ts';
import { loadRelayInput } from '../../src/analyzers/relays/inputs.ts';
import { scoreRelayPairs, truthTuple } from '../../src/analyzers/relays/truth.ts';
import type { RelayConnection } from '../../src/analyzers/relays/types.ts';

const dir = new URL('./fixture/', import.meta.url).pathname;
interface Hop { src: string; sport: number; dst: string; dport: number }
const truth = JSON.parse(readFileSync(`${dir}ground-truth.json`, 'utf8')) as { pairs: Array<{ inbound: Hop; outbound: Hop }>; sessions: Array<{ kind: string; hops?: Hop[] }> };
const truthPairs = truth.pairs.map((p) => ({ inbound: truthTuple(p.inbound), outbound: truthTuple(p.outbound) }));

async function observations(): Promise<RelayConnection[]> {
  const a = await loadRelayInput(`${dir}relay1.pcapng`);
  const b = await loadRelayInput(`${dir}relay2.pcap`);
  return [...a.connections, ...b.connections];
}

describe('real SSH stepping-stone capture through two relays', () => {
  it('has what the recipe promises: relayed chains, decoys, bulk copies', () => {
    const kinds = truth.sessions.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'relayed').length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === 'ends-on-relay' || k === 'relay-own-session').length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === 'scp').length).toBeGreaterThanOrEqual(2);
    expect(truthPairs.length).toBeGreaterThanOrEqual(10);
  });

  it('packet level: precision ≥ 0.99, recall ≥ 0.95, and the multi-relay chains rebuilt', async () => {
    const r = detectRelays(await observations());
    const s = scoreRelayPairs(r.pairs, truthPairs, r.candidates);
    console.log(`packet level: ${JSON.stringify(s)} over ${r.candidates} candidates`);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.pairs.every((p) => p.method === 'packet')).toBe(true);
    const threeHop = truth.sessions.filter((x) => x.kind === 'relayed' && x.hops!.length === 3).map((x) => x.hops!.map(truthTuple).join(' '));
    const chains = new Set(r.chains.map((c) => c.hops.join(' ')));
    expect(threeHop.filter((h) => chains.has(h)).length).toBe(threeHop.length);
  });

  it('flow level (same connections, no packet timing): figures reported, lower confidence in the score', async () => {
    const r = detectRelays(withoutTiming(await observations()), undefined, 'flow');
    const s = scoreRelayPairs(r.pairs, truthPairs, r.candidates);
    console.log(`flow level: ${JSON.stringify(s)} over ${r.candidates} candidates`);
    expect(r.pairs.every((p) => p.method === 'flow' && p.score <= 0.8)).toBe(true);
    expect(s.recall).toBeGreaterThan(0.5);
  });
});
