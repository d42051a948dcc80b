// Unidirectional flow records (NetFlow v5/v9, nfdump without bidirectional aggregation) give one TCP
// connection as two records, one per direction, each with zero reverse counters. Left apart, the reply half
// (server:443 → client:ephemeral) looks like a connection the server opened: a false outbound candidate at
// every server that answers while it is being used. The halves are stitched back into one connection: same
// sensor, mirrored tuple, starts within `skew`. The originator is the half that started first; on a tie (flow
// times are often whole seconds) the half whose destination port is the lower, service, port.
import type { RelayConnection } from './types.ts';

const oneWay = (c: RelayConnection) =>
  !c.timing && (c.bytes === null || c.bytes[1] === 0) && (c.pkts === null || c.pkts[1] === 0);

const key = (sensor: string, proto: string, a: string, ap: number, b: string, bp: number) => `${sensor}|${proto}|${a}|${ap}|${b}|${bp}`;

function originatorFirst(x: RelayConnection, y: RelayConnection): [RelayConnection, RelayConnection] {
  if (x.start !== y.start) return x.start < y.start ? [x, y] : [y, x];
  return y.dport < x.dport ? [y, x] : [x, y];
}

function joined(x: RelayConnection, y: RelayConnection): RelayConnection {
  const [o, r] = originatorFirst(x, y);
  const evidence = [...new Set([...(o.evidence ?? []), ...(r.evidence ?? [])])];
  return {
    ...o, start: Math.min(o.start, r.start), end: Math.max(o.end, r.end),
    bytes: o.bytes && r.bytes ? [o.bytes[0], r.bytes[0]] : null,
    pkts: o.pkts && r.pkts ? [o.pkts[0], r.pkts[0]] : null,
    ...(evidence.length ? { evidence } : {}),
  };
}

/** Returns the observations with mirrored one-way halves joined into one connection each (others unchanged). */
export function stitchUnidirectional(conns: RelayConnection[], skew = 5): RelayConnection[] {
  const open = new Map<string, RelayConnection[]>();
  const halves = conns.filter(oneWay).sort((a, b) => a.start - b.start);
  if (!halves.length) return conns;
  const partner = new Map<RelayConnection, RelayConnection>();
  const fresh = (list: RelayConnection[], t: number) => { while (list.length && t - list[0].start > skew) list.shift(); return list; };
  for (const c of halves) {
    const mirror = open.get(key(c.sensor, c.proto, c.dst, c.dport, c.src, c.sport));
    if (mirror && fresh(mirror, c.start).length) {
      const m = mirror.shift()!;
      partner.set(m, c);
      partner.set(c, m);
      continue;
    }
    const k = key(c.sensor, c.proto, c.src, c.sport, c.dst, c.dport);
    const list = open.get(k);
    if (list) fresh(list, c.start).push(c); else open.set(k, [c]);
  }
  const out: RelayConnection[] = [];
  const done = new Set<RelayConnection>();
  for (const c of conns) {
    const p = partner.get(c);
    if (!p) out.push(c);
    else if (!done.has(p)) { done.add(c); out.push(joined(c, p)); }
  }
  return out;
}
