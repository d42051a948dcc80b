// Runs the endpoint queries and scores every external endpoint that can make a finding; names inherit
// their best address's score.
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { followBySeedsWorthTrusting, type FollowLink } from './follow.ts';
import { rankParams, RANK_TOLERANCE, statsOf, type StatsRow, type Totals } from './rank.ts';
import { scoreEndpoint, type EndpointStats, type InfraParams, type InfraScore } from './score.ts';

/** A key no address has (IPv6 keys stop at −2^52): keeps the list parameter typed when empty. */
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
type FollowUps = Map<number, { follow_hosts: number; follow_orgs: number }>;

/**
 * Every endpoint that can be among the findings (endpoint-stats prunes the rest by its own copy of the
 * score), scored by score.ts and sorted best first; ties by orgs, then by address key.
 */
export async function scoreEndpoints(store: Store, p: QueryParams, log: (m: string) => void = () => {}): Promise<{ endpoints: ScoredEndpoint[]; domains: ScoredDomain[] }> {
  const [t] = await store.query<Totals>(TOTALS_SQL);
  if (t.window_start == null) return { endpoints: [], domains: [] };
  const totals: Totals = { orgs_total: Number(t.orgs_total), days_total: Number(t.days_total), window_start: t.window_start, window_end: t.window_end };
  const names = await namesByEndpoint(store);
  const score = async (prune: boolean) => {
    const rows = await store.query<StatsRow>(STATS_SQL, {
      longSeconds: p.longSeconds, longBytes: p.longBytes, commonPorts: p.commonPorts, followSeconds: p.followSeconds, minOrgs: 2, // below two orgs only a direct indicator can score
      alwaysEps: [NO_ENDPOINT, ...names.keys()], ...rankParams(totals, p, prune),
    });
    const follow = await followUps(store, rows, totals, p);
    return rows.map((r) => {
      const ep = Number(r.ep);
      const f = follow.get(ep);
      const stats = statsOf(r, totals, { is_ioc: Boolean(Number(r.is_ioc)), follow_hosts: f?.follow_hosts ?? 0, follow_orgs: f?.follow_orgs ?? 0 });
      return { ep, stats, score: scoreEndpoint(stats, p), names: names.get(ep) ?? [], rank: r.rank_score == null ? null : Number(r.rank_score) };
    });
  };
  let endpoints = await score(true);
  const strayed = endpoints.find((e) => e.rank != null && Math.abs(e.rank - e.score.score) > RANK_TOLERANCE);
  if (strayed) {
    log(`endpoint-stats rank_score ${strayed.rank} differs from score.ts ${strayed.score.score} for endpoint ${strayed.ep}: scoring every endpoint unpruned`);
    endpoints = await score(false);
  }
  endpoints.sort((a, b) => b.score.score - a.score.score || b.stats.orgs - a.stats.orgs || a.ep - b.ep);
  return { endpoints, domains: domainsOf(endpoints) };
}

/** Follow-ups per endpoint: counted by the engine's endpoint-stats when it can, else from ioc-follow here. */
async function followUps(store: Store, rows: StatsRow[], totals: Totals, p: QueryParams): Promise<FollowUps> {
  if (rows.every((r) => r.follow_orgs != null)) {
    return new Map(rows.map((r) => [Number(r.ep), { follow_hosts: Number(r.follow_hosts), follow_orgs: Number(r.follow_orgs) }]));
  }
  const links = (await store.query<FollowLink>(IOC_SQL, { followSeconds: p.followSeconds, windowStart: totals.window_start, windowEnd: totals.window_end }))
    .map((l) => ({ ep: Number(l.ep), seed: Number(l.seed), is_ioc: Number(l.is_ioc), follow_hosts: Number(l.follow_hosts), follow_orgs: Number(l.follow_orgs) }));
  return followBySeedsWorthTrusting(links, new Map(rows.map((r) => [Number(r.ep), r])), totals, p);
}

async function namesByEndpoint(store: Store): Promise<Map<number, Array<{ name: string; orgs: number }>>> {
  const names = new Map<number, Array<{ name: string; orgs: number }>>();
  for (const r of await store.query<{ ep: number; name: string; orgs: number }>(NAMES_SQL)) {
    const list = names.get(Number(r.ep)) ?? [];
    list.push({ name: r.name, orgs: Number(r.orgs) });
    names.set(Number(r.ep), list);
  }
  for (const list of names.values()) list.sort((a, b) => b.orgs - a.orgs || nameOrder(a, b));
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
  return [...byName.values()].sort((a, b) => b.score - a.score || nameOrder(a, b));
}

/** Ties by name in code-unit order (not locale order), so the output does not depend on the machine's locale. */
function nameOrder(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
