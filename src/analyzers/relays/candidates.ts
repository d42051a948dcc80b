// Candidate pairs: at one host, an inbound connection (host is its responder) and an outbound one (host is
// its originator) whose lifetimes overlap, the inbound first. A sweep over start times with the live
// inbound connections in a min-heap by end time: O(n log n + k) for k candidates, never all pairs. Hosts,
// start order and per-host lists are typed arrays (no object or string key per connection).
import type { RelayConnection } from './types.ts';

/** Called once per candidate pair (positional arguments: no object per candidate on the hot path). */
export type EmitCandidate = (inbound: RelayConnection, outbound: RelayConnection, relay: string) => void;

/** Min-heap of connection indices by end time. */
class EndHeap {
  items: Int32Array;
  size = 0;
  constructor(capacity: number, private readonly ends: Float64Array) { this.items = new Int32Array(Math.max(1, capacity)); }
  push(i: number): void {
    const a = this.items, e = this.ends;
    let k = this.size++;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (e[a[p]] <= e[i]) break;
      a[k] = a[p]; k = p;
    }
    a[k] = i;
  }
  /** Drops every connection that ended before t. */
  expire(t: number): void {
    const a = this.items, e = this.ends;
    while (this.size && e[a[0]] < t) {
      const last = a[--this.size];
      let k = 0;
      for (;;) {
        const l = 2 * k + 1, r = l + 1;
        let m = last, mk = -1;
        if (l < this.size && e[a[l]] < e[m]) { m = a[l]; mk = l; }
        if (r < this.size && e[a[r]] < e[m]) { m = a[r]; mk = r; }
        if (mk < 0) break;
        a[k] = m; k = mk;
      }
      a[k] = last;
    }
  }
}

/**
 * Host of each connection's responder (inbound side) and originator (outbound side), numbered per
 * (sensor, address); -1 where that address never receives a connection at that sensor (it cannot relay).
 */
function hostsOf(conns: RelayConnection[]): { inHost: Int32Array; outHost: Int32Array; hosts: string[] } {
  const bySensor = new Map<string, Map<string, number>>();
  const hosts: string[] = [];
  const inHost = new Int32Array(conns.length), outHost = new Int32Array(conns.length);
  for (let i = 0; i < conns.length; i++) {
    const c = conns[i];
    let m = bySensor.get(c.sensor);
    if (!m) bySensor.set(c.sensor, (m = new Map()));
    let h = m.get(c.dst);
    if (h === undefined) { m.set(c.dst, (h = hosts.length)); hosts.push(c.dst); }
    inHost[i] = h;
  }
  for (let i = 0; i < conns.length; i++) outHost[i] = bySensor.get(conns[i].sensor)!.get(conns[i].src) ?? -1;
  return { inHost, outHost, hosts };
}

/** Indices grouped by host (CSR: host h owns at[h]..at[h+1]), each group in the given order. */
function groupBy(order: Uint32Array, hostOf: Int32Array, hostCount: number): { at: Int32Array; idx: Int32Array } {
  const at = new Int32Array(hostCount + 1);
  for (const i of order) if (hostOf[i] >= 0) at[hostOf[i] + 1]++;
  for (let h = 0; h < hostCount; h++) at[h + 1] += at[h];
  const idx = new Int32Array(at[hostCount]), fill = at.slice(0, hostCount);
  for (const i of order) if (hostOf[i] >= 0) idx[fill[hostOf[i]]++] = i;
  return { at, idx };
}

/** Per (sensor, host) sweep; calls `emit` for each candidate so callers can score without storing them all. */
export function sweepCandidates(conns: RelayConnection[], emit: EmitCandidate): number {
  const n = conns.length;
  const starts = Float64Array.from(conns, (c) => c.start), ends = Float64Array.from(conns, (c) => c.end);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => starts[a] - starts[b] || a - b);
  const { inHost, outHost, hosts } = hostsOf(conns);
  const outs = groupBy(order, outHost, hosts.length);
  const ins = groupBy(order, inHost, hosts.length);
  let count = 0;
  const live = new EndHeap(n, ends);
  for (let h = 0; h < hosts.length; h++) {
    const o0 = outs.at[h], o1 = outs.at[h + 1], i1 = ins.at[h + 1];
    if (o0 === o1 || ins.at[h] === i1) continue;
    live.size = 0;
    let i = ins.at[h];
    for (let k = o0; k < o1; k++) {
      const out = outs.idx[k], t = starts[out];
      while (i < i1 && starts[ins.idx[i]] < t) live.push(ins.idx[i++]);
      live.expire(t);
      for (let j = 0; j < live.size; j++) {
        const inb = live.items[j];
        if (inb === out) continue;
        emit(conns[inb], conns[out], hosts[h]);
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
