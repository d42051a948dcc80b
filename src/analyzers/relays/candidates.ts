// Candidate pairs: at one host, an inbound connection (host is its responder) and an outbound one (host is
// its originator) whose lifetimes overlap, the inbound first. A sweep over start times with the live
// inbound connections in a min-heap by end time: O(n log n + k) for k candidates, never all pairs.
import type { RelayConnection } from './types.ts';

/** Called once per candidate pair (positional arguments: no object per candidate on the hot path). */
export type EmitCandidate = (inbound: RelayConnection, outbound: RelayConnection, relay: string) => void;

class EndHeap {
  items: RelayConnection[] = [];
  push(c: RelayConnection): void {
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].end <= a[i].end) break;
      [a[p], a[i]] = [a[i], a[p]]; i = p;
    }
  }
  /** Drops every connection that ended before t. */
  expire(t: number): void {
    const a = this.items;
    while (a.length && a[0].end < t) {
      const last = a.pop()!;
      if (!a.length) break;
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l].end < a[m].end) m = l;
        if (r < a.length && a[r].end < a[m].end) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]]; i = m;
      }
    }
  }
}

/** Per (sensor, host) sweep; calls `emit` for each candidate so callers can score without storing them all. */
export function sweepCandidates(conns: RelayConnection[], emit: EmitCandidate): number {
  const byHost = new Map<string, { inbound: RelayConnection[]; outbound: RelayConnection[] }>();
  const side = (key: string) => {
    let s = byHost.get(key);
    if (!s) byHost.set(key, (s = { inbound: [], outbound: [] }));
    return s;
  };
  for (const c of conns) {
    side(`${c.sensor}\u0000${c.dst}`).inbound.push(c);
    side(`${c.sensor}\u0000${c.src}`).outbound.push(c);
  }
  let count = 0;
  for (const [key, { inbound, outbound }] of byHost) {
    if (!inbound.length || !outbound.length) continue;
    const relay = key.slice(key.indexOf('\u0000') + 1);
    inbound.sort((a, b) => a.start - b.start);
    outbound.sort((a, b) => a.start - b.start);
    const live = new EndHeap();
    let i = 0;
    for (const out of outbound) {
      while (i < inbound.length && inbound[i].start < out.start) live.push(inbound[i++]);
      live.expire(out.start);
      for (const inb of live.items) {
        if (inb === out) continue;
        emit(inb, out, relay);
        count++;
      }
    }
  }
  return count;
}

/**
 * The naive baseline: every connection tested against every other as (inbound, outbound). Benchmarks only;
 * `outbounds` restricts the outer loop to a sample so the cost at large n can be measured and scaled.
 */
export function allPairsCandidates(conns: RelayConnection[], emit: EmitCandidate, outbounds: RelayConnection[] = conns): number {
  let count = 0;
  for (const out of outbounds) {
    for (const inb of conns) {
      if (inb === out || inb.sensor !== out.sensor || inb.dst !== out.src) continue;
      if (inb.start < out.start && inb.end >= out.start) { emit(inb, out, out.src); count++; }
    }
  }
  return count;
}
