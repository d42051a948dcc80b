import { describe, expect, it } from 'vitest';
import { allPairsCandidates, sweepCandidates } from './candidates.ts';
import { buildChains } from './chains.ts';
import { bestPerOutbound } from './assign.ts';
import { detectRelays } from './detect.ts';
import { mergeObservations } from './merge.ts';
import { synthRelayDay } from './synth.testing.ts';
import { scoreRelayPairs } from './truth.ts';
import type { RelayConnection, RelayPair } from './types.ts';

const key = (inbound: RelayConnection, outbound: RelayConnection) => `${inbound.id} ${outbound.id}`;

describe('candidate sweep', () => {
  it('finds exactly the pairs the all-pairs baseline finds', () => {
    const { conns } = synthRelayDay({ seed: 3, connections: 2000, daySeconds: 3600 });
    const a: string[] = [], b: string[] = [];
    sweepCandidates(conns, (i, o) => a.push(key(i, o)));
    allPairsCandidates(conns, (i, o) => b.push(key(i, o)));
    expect(a.length).toBeGreaterThan(100);
    expect(a.sort()).toEqual(b.sort());
  });
  it('several relays and sensors: the same pairs as all-pairs, never across sensors', () => {
    const day = (seed: number, relay: string, sensor: string) =>
      synthRelayDay({ seed, connections: 800, daySeconds: 3600, relay }).conns.map((c) => ({ ...c, sensor }));
    const conns = [...day(5, '10.0.0.1', 'a'), ...day(6, '10.0.0.2', 'a'), ...day(7, '10.0.0.1', 'b')];
    const a: string[] = [], b: string[] = [];
    sweepCandidates(conns, (i, o, relay) => { a.push(`${key(i, o)} ${relay}`); expect(i.sensor).toBe(o.sensor); });
    allPairsCandidates(conns, (i, o, relay) => b.push(`${key(i, o)} ${relay}`));
    expect(new Set(a.map((x) => x.split(' ')[2]))).toEqual(new Set(['10.0.0.1', '10.0.0.2']));
    expect(a.sort()).toEqual(b.sort());
  });
  it('only same-host, inbound-first, overlapping', () => {
    const c = (id: string, src: string, dst: string, start: number, end: number): RelayConnection =>
      ({ id, proto: 'tcp', src, sport: 1, dst, dport: 22, start, end, sensor: 's', bytes: null, pkts: null });
    const conns = [c('in', 'A', 'R', 0, 100), c('out', 'R', 'T', 10, 50), c('early', 'R', 'T', -5, 50), c('after', 'R', 'T', 101, 150), c('other', 'Q', 'T', 20, 30)];
    const got: string[] = [];
    sweepCandidates(conns, (i, o) => got.push(key(i, o)));
    expect(got).toEqual(['in out']);
  });
});

describe('merge, assignment, chains', () => {
  const c = (src: string, sport: number, dst: string, start: number, end: number, sensor: string): RelayConnection =>
    ({ id: '', proto: 'tcp', src, sport, dst, dport: 22, start, end, sensor, bytes: null, pkts: null });
  it('one id for a connection both relays saw; #2 for a later reuse of the tuple', () => {
    const m = mergeObservations([c('R1', 5, 'R2', 10, 50, 'a'), c('R1', 5, 'R2', 10.01, 50.02, 'b'), c('R1', 5, 'R2', 500, 600, 'a')]);
    expect(m.connections.map((x) => x.id)).toEqual(['R1:5>R2:22', 'R1:5>R2:22#2']);
    expect(m.connections[0].sensor).toBe('a,b');
    expect(m.observations.map((x) => x.id)).toEqual(['R1:5>R2:22', 'R1:5>R2:22', 'R1:5>R2:22#2']);
  });
  const p = (inbound: string, outbound: string, score: number): RelayPair => ({ inbound, outbound, relay: 'R', score, method: 'packet', components: {}, sensor: 's' });
  it('keeps the best inbound per outbound and drops near ties', () => {
    const r = bestPerOutbound([p('a', 'x', 0.9), p('b', 'x', 0.5), p('c', 'y', 0.7), p('d', 'y', 0.69)], 0.05);
    expect(r.pairs.map((x) => `${x.inbound}>${x.outbound}`)).toEqual(['a>x']);
    expect(r.ambiguous).toBe(1);
  });
  it('joins pairs whose outbound is the next inbound', () => {
    const chains = buildChains([p('o>r1', 'r1>r2', 0.9), p('r1>r2', 'r2>t', 0.8), p('z>r1', 'r1>q', 0.7)]);
    expect(chains).toEqual([
      { hops: ['o>r1', 'r1>r2', 'r2>t'], relays: ['R', 'R'], score: 0.8 },
      { hops: ['z>r1', 'r1>q'], relays: ['R'], score: 0.7 },
    ]);
  });
});

describe('detectRelays on synthetic relay days', () => {
  it('packet level separates relayed from independent sessions', () => {
    const { conns, truth } = synthRelayDay({ seed: 11, connections: 600, daySeconds: 3600, withTiming: true });
    const r = detectRelays(conns);
    const s = scoreRelayPairs(r.pairs, truth, r.candidates);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });
  it('1.5 s of added relay delay and 30% chaff: the count correlation alone still finds most pairs', () => {
    const { conns, truth } = synthRelayDay({ seed: 12, connections: 400, daySeconds: 3600, withTiming: true });
    const outs = new Set(truth.map((t) => t.outbound));
    let k = 0;
    const shaken = conns.map((c) => {
      if (!outs.has(c.id) || !c.timing) return c;
      const chaff = (ts: ArrayLike<number>) => Array.from(ts).filter(() => (k = (k * 1103515245 + 12345) % 2147483648) % 10 < 3).map((t) => t + 0.37);
      const up = [...Array.from(c.timing[0].times, (t) => t + 1.5), ...chaff(c.timing[0].times)].sort((a, b) => a - b);
      const down = [...Array.from(c.timing[1].times, (t) => t - 1.5), ...chaff(c.timing[1].times)].sort((a, b) => a - b);
      return { ...c, timing: [{ times: up, sizes: up }, { times: down, sizes: down }] as RelayConnection['timing'] };
    });
    const r = detectRelays(shaken);
    const s = scoreRelayPairs(r.pairs, truth, r.candidates);
    console.log(`1.5 s delay + 30% chaff: ${JSON.stringify(s)}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.pairs.every((p) => p.components.onoff < 0.3)).toBe(true); // ON/OFF alone would have found none
  });
  it('one pair seen by a capture and by a flow sensor: reported once, both sightings kept, candidates split by method', () => {
    const { conns, truth } = synthRelayDay({ seed: 13, connections: 200, daySeconds: 3600, withTiming: true });
    const router = conns.map(({ timing: _t, ...c }) => ({ ...c, sensor: 'router' }));
    const r = detectRelays([...conns, ...router]);
    expect(r.candidatesByMethod.packet).toBeGreaterThan(0);
    expect(r.candidatesByMethod.flow).toBe(r.candidatesByMethod.packet);
    expect(r.candidates).toBe(r.candidatesByMethod.packet + r.candidatesByMethod.flow);
    const t = truth[0];
    const p = r.pairs.find((x) => x.inbound === t.inbound && x.outbound === t.outbound)!;
    expect(p.method).toBe('packet');
    expect(p.seenBy!.map((s) => `${s.sensor}:${s.method}`).sort()).toEqual(['router:flow', 's:packet']);
    expect(new Set(r.pairs.map((x) => `${x.inbound} ${x.outbound}`)).size).toBe(r.pairs.length);
  });
  it('an outbound still typed into after its inbound ended is not its continuation; one that only idles is', () => {
    const { conns, truth } = synthRelayDay({ seed: 14, connections: 300, daySeconds: 3600, withTiming: true });
    const t = truth.find((x) => conns.find((c) => c.id === x.outbound)!.timing![0].times.length > 40)!;
    const out = conns.find((c) => c.id === t.outbound)!, inb = conns.find((c) => c.id === t.inbound)!;
    const extend = (typing: boolean): RelayConnection[] => conns.map((c) => {
      if (c !== out) return c;
      const more = Array.from({ length: 30 }, (_, k) => inb.end + 10 + 2 * k);
      const up = typing ? [...Array.from(c.timing![0].times), ...more] : Array.from(c.timing![0].times);
      return { ...c, end: inb.end + 80, timing: [{ times: up, sizes: up }, c.timing![1]] };
    });
    const found = (cs: RelayConnection[]) => detectRelays(cs).pairs.some((p) => p.inbound === t.inbound && p.outbound === t.outbound);
    expect(found(conns)).toBe(true);
    expect(found(extend(false))).toBe(true);
    expect(found(extend(true))).toBe(false);
  });
  it('scoreRelayPairs counts tp/fp/fn and false positives per thousand candidates', () => {
    const s = scoreRelayPairs([{ inbound: 'a', outbound: 'b' }, { inbound: 'c', outbound: 'd#2' }, { inbound: 'x', outbound: 'y' }],
      [{ inbound: 'a', outbound: 'b' }, { inbound: 'c', outbound: 'd' }, { inbound: 'e', outbound: 'f' }, { inbound: 'g', outbound: 'h' }], 500);
    expect(s).toEqual({ precision: 2 / 3, recall: 0.5, fpPerThousandCandidates: 2, tp: 2, fp: 1, fn: 2 });
  });
});
