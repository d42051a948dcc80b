// One connection seen by several sensors (relay 1's outbound is relay 2's inbound) gets one id: same
// 5-tuple, lifetimes overlapping within a clock-skew allowance. Later reuses of the tuple get `#n`.
import type { RelayConnection } from './types.ts';

const hostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

export const tupleId = (c: Pick<RelayConnection, 'src' | 'sport' | 'dst' | 'dport'>): string => `${hostPort(c.src, c.sport)}>${hostPort(c.dst, c.dport)}`;

export interface Merged { observations: RelayConnection[]; connections: RelayConnection[] }

/** Assigns shared ids without touching the input: returns re-identified observations and the merged list. */
export function mergeObservations(obs: RelayConnection[], skew = 5): Merged {
  const byTuple = new Map<string, number[]>();
  const base = obs.map(tupleId);
  for (let i = 0; i < obs.length; i++) {
    const k = `${obs[i].proto}|${base[i]}`;
    const list = byTuple.get(k);
    if (list) list.push(i); else byTuple.set(k, [i]);
  }
  const observations: RelayConnection[] = [];
  const connections: RelayConnection[] = [];
  for (const list of byTuple.values()) {
    if (list.length > 1) list.sort((a, b) => obs[a].start - obs[b].start);
    let n = 0;
    let cur: RelayConnection | null = null;
    for (const i of list) {
      const o = obs[i];
      if (!cur || o.start > cur.end + skew) {
        n++;
        cur = { ...o, id: n === 1 ? base[i] : `${base[i]}#${n}`, timing: undefined };
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
