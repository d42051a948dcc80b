// Runs the endpoint queries and scores every external endpoint that can make a finding; names inherit
// their best address's score.
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { followBySeedsWorthTrusting, type FollowLink } from './follow.ts';
import { rankParams, RANK_TOLERANCE, statsOf, type StatsRow, type Totals } from './rank.ts';
import { scoreEndpoint, type EndpointStats, type InfraParams, type InfraScore } from './score.ts';

/** A key no address has (IPv6 keys stop at −2^52): keeps the list parameters typed when empty. */
const NO_ENDPOINT = Number.MIN_SAFE_INTEGER;
const STATS_SQL = sqlFile(import.meta.url, 'endpoint-stats');
const TOTALS_SQL = sqlFile(import.meta.url, 'endpoint-totals');
const IOC_SQL = sqlFile(import.meta.url, 'ioc-follow');
const NAMES_SQL = sqlFile(import.meta.url, 'endpoint-names');

export interface ScoredEndpoint { ep: number; stats: EndpointStats; score: InfraScore; names: Array<{ name: string; orgs: number }> }
export interface ScoredDomain { name: string; score: number; orgs: number; eps: number[]; first_seen: number; last_seen: number }
export interface QueryParams extends InfraParams {
  longSeconds: number; longBytes: number; followSeconds: number; commonPorts: number[]; minScore: number; maxFindings: number;
}

/**
 * Every endpoint that can be among the findings (the endpoint-stats query prunes the rest by its own copy
 * of the score), scored by score.ts and sorted best first; ties by orgs, then by address key.
 */
export async function scoreEndpoints(store: Store, p: QueryParams, log: (m: string) => void = () => {}): Promise<{ endpoints: ScoredEndpoint[]; domains: ScoredDomain[] }> {
  const [t] = await store.query<Totals>(TOTALS_SQL);
  if (t.window_start == null) return { endpoints: [], domains: [] };
  const totals: Totals = { orgs_total: Number(t.orgs_total), days_total: Number(t.days_total), window_start: t.window_start, window_end: t.window_end };
  const links = (await store.query<FollowLink>(IOC_SQL, { followSeconds: p.followSeconds, windowStart: totals.window_start, windowEnd: totals.window_end }))
    .map((l) => ({ ep: Number(l.ep), seed: Number(l.seed), is_ioc: Number(l.is_ioc), follow_hosts: Number(l.follow_hosts), follow_orgs: Number(l.follow_orgs) }));
  const iocEps = new Set(links.filter((l) => l.is_ioc).map((l) => l.ep));
  const names = await namesByEndpoint(store);
  // indicators, their follow-up targets and named endpoints come back whatever their rank (scored below with their extra evidence)
  const always = [NO_ENDPOINT, ...new Set([...links.map((l) => l.ep), ...names.keys()])];
  const query = (prune: boolean) => store.query<StatsRow>(STATS_SQL, {
    longSeconds: p.longSeconds, longBytes: p.longBytes, commonPorts: p.commonPorts,
    minOrgs: 2, extraEps: [NO_ENDPOINT, ...iocEps], // below two orgs only a direct indicator can score
    alwaysEps: always, ...rankParams(totals, p, prune),
  });
  const score = (rows: StatsRow[]) => {
    const byEp = new Map(rows.map((r) => [Number(r.ep), r]));
    const follow = followBySeedsWorthTrusting(links, byEp, totals, p);
    return rows.map((r): ScoredEndpoint & { rank: number | null; boosted: boolean } => {
      const ep = Number(r.ep);
      const f = follow.get(ep);
      const stats = statsOf(r, totals, { is_ioc: iocEps.has(ep), follow_hosts: f?.follow_hosts ?? 0, follow_orgs: f?.follow_orgs ?? 0 });
      const s = scoreEndpoint(stats, p);
      return { ep, stats, score: s, names: names.get(ep) ?? [], rank: r.rank_score == null ? null : Number(r.rank_score), boosted: stats.is_ioc || stats.follow_orgs > 0 };
    });
  };
  let endpoints = score(await query(true));
  const strayed = endpoints.find((e) => e.rank != null && !e.boosted && Math.abs(e.rank - e.score.score) > RANK_TOLERANCE);
  if (strayed) {
    log(`endpoint-stats rank_score ${strayed.rank} differs from score.ts ${strayed.score.score} for endpoint ${strayed.ep}: scoring every endpoint unpruned`);
    endpoints = score(await query(false));
  }
  endpoints.sort((a, b) => b.score.score - a.score.score || b.stats.orgs - a.stats.orgs || a.ep - b.ep);
  return { endpoints, domains: domainsOf(endpoints) };
}

async function namesByEndpoint(store: Store): Promise<Map<number, Array<{ name: string; orgs: number }>>> {
  const names = new Map<number, Array<{ name: string; orgs: number }>>();
  for (const r of await store.query<{ ep: number; name: string; orgs: number }>(NAMES_SQL)) {
    const list = names.get(Number(r.ep)) ?? [];
    list.push({ name: r.name, orgs: Number(r.orgs) });
    names.set(Number(r.ep), list);
  }
  for (const list of names.values()) list.sort((a, b) => b.orgs - a.orgs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return names;
}

function domainsOf(endpoints: ScoredEndpoint[]): ScoredDomain[] {
  const byName = new Map<string, ScoredDomain>();
  for (const e of endpoints) {
    for (const n of e.names) {
      const d = byName.get(n.name) ?? { name: n.name, score: 0, orgs: 0, eps: [], first_seen: Infinity, last_seen: -Infinity };
      d.score = Math.max(d.score, e.score.score);
      d.orgs = Math.max(d.orgs, n.orgs);
      d.eps.push(e.ep);
      d.first_seen = Math.min(d.first_seen, e.stats.first_seen);
      d.last_seen = Math.max(d.last_seen, e.stats.last_seen);
      byName.set(n.name, d);
    }
  }
  return [...byName.values()].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
