// Loads beacon candidates from the store (set logic in beacon-pairs.sql) and scores each pair in TS.
import { keyToIp } from '../../core/ip.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { applyModifiers, MODIFIER_DEFAULTS, type ModifierParams } from './modifiers.ts';
import { scoreBeacon, type BeaconComponents, type BeaconParams } from './score.ts';

export interface PairQuery {
  minConnections: number;
  strobePerDay: number;
  byPort: boolean;
  /** Every originator→responder pair, not only internal → external. */
  allPairs: boolean;
}

export interface ScoredPair {
  org: string | null;
  src: string;
  dst: string;
  dport: number | null;
  connections: number;
  first_seen: number;
  last_seen: number;
  window: [number, number];
  strobe: boolean;
  score: number;
  components: Partial<BeaconComponents> & {
    strobe?: boolean; connections_per_day?: number; rita_score?: number; prevalence?: number; prevalent?: boolean;
    preexisting?: boolean; modifier_decrease?: number; dst_hosts?: number; org_hosts?: number;
  };
}

interface PairRow {
  org: string; src: number; dst: number; dport: number; connections: number; first_seen: number; last_seen: number;
  window_start: number; window_end: number; strobe: boolean; dst_hosts: number; org_hosts: number; ts_list: number[] | null; bytes_list: number[] | null;
}

const PAIRS_SQL = sqlFile(import.meta.url, 'beacon-pairs');

export async function scoredPairs(store: Store, q: PairQuery, p: BeaconParams, m: ModifierParams = MODIFIER_DEFAULTS): Promise<ScoredPair[]> {
  const rows = await store.query<PairRow>(PAIRS_SQL, {
    minConnections: q.minConnections, strobePerDay: q.strobePerDay, byPort: q.byPort ? 1 : 0,
    srcIntMin: q.allPairs ? 0 : 1, dstIntMax: q.allPairs ? 1 : 0,
  });
  const v6 = await store.ip6Texts([...new Set(rows.flatMap((r) => [r.src, r.dst]))]);
  const out: ScoredPair[] = [];
  for (const r of rows) {
    const base = {
      org: r.org === '' ? null : r.org,
      src: keyToIp(Number(r.src), v6) ?? String(r.src),
      dst: keyToIp(Number(r.dst), v6) ?? String(r.dst),
      dport: Number(r.dport) < 0 ? null : Number(r.dport),
      connections: Number(r.connections), first_seen: r.first_seen, last_seen: r.last_seen,
      window: [r.window_start, r.window_end] as [number, number],
    };
    if (r.strobe) {
      const days = Math.max(1, (r.window_end - r.window_start) / 86400);
      out.push({ ...base, strobe: true, score: 0, components: { strobe: true, connections_per_day: Math.round(base.connections / days) } });
      continue;
    }
    const s = scoreBeacon({ ts: r.ts_list!, bytes: r.bytes_list!.map(Number), windowStart: r.window_start, windowEnd: r.window_end }, p);
    if (!s) continue;
    const mod = applyModifiers(s.score, {
      dstHosts: Number(r.dst_hosts), orgHosts: Number(r.org_hosts), firstSeen: r.first_seen, windowStart: r.window_start,
      medianInterval: s.components.ts_median_interval,
    }, m);
    out.push({
      ...base, strobe: false, score: mod.score,
      components: {
        ...s.components, rita_score: s.score, prevalence: mod.prevalence, prevalent: mod.prevalent, preexisting: mod.preexisting,
        modifier_decrease: mod.decrease, dst_hosts: Number(r.dst_hosts), org_hosts: Number(r.org_hosts),
      },
    });
  }
  return out.sort((a, b) => b.score - a.score || b.connections - a.connections);
}
