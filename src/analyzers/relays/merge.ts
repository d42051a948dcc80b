// One connection seen by several sensors (relay 1's outbound is relay 2's inbound) gets one id: same
// 5-tuple, lifetimes overlapping within a clock-skew allowance. Later reuses of the tuple get `#n`.
import type { RelayConnection } from './types.ts';

export const tupleId = (c: Pick<RelayConnection, 'src' | 'sport' | 'dst' | 'dport'>): string => {
  const hp = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  return `${hp(c.src, c.sport)}>${hp(c.dst, c.dport)}`;
};

export interface Merged { observations: RelayConnection[]; connections: RelayConnection[] }

/** Assigns shared ids in place-free fashion: returns re-identified observations and the merged list. */
export function mergeObservations(obs: RelayConnection[], skew = 5): Merged {
  const byTuple = new Map<string, RelayConnection[]>();
  for (const o of obs) {
    const k = `${o.proto}|${tupleId(o)}`;
    const list = byTuple.get(k);
    if (list) list.push(o); else byTuple.set(k, [o]);
  }
  const observations: RelayConnection[] = [];
  const connections: RelayConnection[] = [];
  for (const list of byTuple.values()) {
    list.sort((a, b) => a.start - b.start);
    let n = 0;
    let cur: RelayConnection | null = null;
    for (const o of list) {
      if (!cur || o.start > cur.end + skew) {
        n++;
        const base = tupleId(o);
        cur = { ...o, id: n === 1 ? base : `${base}#${n}`, sensor: o.sensor, timing: undefined };
        connections.push(cur);
      } else {
        cur.start = Math.min(cur.start, o.start);
        cur.end = Math.max(cur.end, o.end);
        if (!cur.sensor.split(',').includes(o.sensor)) cur.sensor = `${cur.sensor},${o.sensor}`;
      }
      observations.push({ ...o, id: cur.id });
    }
  }
  connections.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return { observations, connections };
}
