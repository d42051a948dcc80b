// Synthetic relay-host connections for tests and benchmarks: independent sessions plus relayed ones
// whose outbound is a delayed copy of the inbound's keystroke timing.
import type { RelayConnection, Timing } from './types.ts';

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function keystrokeTimes(rand: () => number, start: number, end: number): number[] {
  const out: number[] = [];
  for (let t = start + 0.5; t < end; t += rand() < 0.12 ? 1 + 6 * rand() : 0.07 + 0.35 * rand()) out.push(t);
  return out;
}

// Typed arrays, as the capture tracker gives them (packet times off the JS heap).
const timing = (times: number[]): Timing => ({ times: Float64Array.from(times), sizes: new Float64Array(times.length).fill(36) });

export interface SynthOptions { seed: number; connections: number; relay?: string; daySeconds?: number; relayedShare?: number; withTiming?: boolean }

/** `connections` connections at one relay over a day: half inbound, half outbound; some outbounds relay an inbound. */
export function synthRelayDay(o: SynthOptions): { conns: RelayConnection[]; truth: Array<{ inbound: string; outbound: string }> } {
  const rand = lcg(o.seed);
  const relay = o.relay ?? '10.0.0.1';
  const day = o.daySeconds ?? 86400;
  const conns: RelayConnection[] = [];
  const truth: Array<{ inbound: string; outbound: string }> = [];
  const mk = (src: string, sport: number, dst: string, start: number, dur: number, times?: number[]): RelayConnection => ({
    id: `${src}:${sport}>${dst}:22`, proto: 'tcp', src, sport, dst, dport: 22, start, end: start + dur, sensor: 's',
    bytes: [times ? times.length * 36 : 1000, 2000], pkts: [times ? times.length : 30, 40],
    timing: o.withTiming && times ? [timing(times), timing(times.map((t) => t + 0.01))] : undefined,
  });
  const ip = (i: number) => `172.${16 + (i >> 16) % 16}.${(i >> 8) & 255}.${i & 255}`;
  for (let i = 0; conns.length < o.connections; i++) {
    const start = rand() * day;
    const dur = 20 + 200 * rand() ** 2;
    const times = o.withTiming ? keystrokeTimes(rand, start, start + dur) : undefined;
    const inbound = mk(ip(i), 1024 + (i % 60000), relay, start, dur, times);
    conns.push(inbound);
    if (rand() < (o.relayedShare ?? 0.3)) {
      const lag = 3 + 10 * rand();
      const outTimes = times?.filter((t) => t > start + lag && t < start + dur - 2).map((t) => t + 0.002);
      const out = mk(relay, 30000 + (i % 30000), ip(i + 7919), start + lag, dur - lag - 2, outTimes);
      conns.push(out);
      truth.push({ inbound: inbound.id, outbound: out.id });
    } else {
      const s2 = rand() * day, d2 = 20 + 200 * rand() ** 2;
      conns.push(mk(relay, 30000 + (i % 30000), ip(i + 7919), s2, d2, o.withTiming ? keystrokeTimes(rand, s2, s2 + d2) : undefined));
    }
  }
  return { conns, truth };
}
