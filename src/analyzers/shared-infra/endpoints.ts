// Runs the endpoint queries and scores every external endpoint; names inherit their best address's score.
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { scoreEndpoint, type EndpointStats, type InfraParams, type InfraScore } from './score.ts';

/** A key no address has (IPv6 keys stop at −2^52): keeps the list parameter typed when empty. */
const NO_ENDPOINT = Number.MIN_SAFE_INTEGER;
const STATS_SQL = sqlFile(import.meta.url, 'endpoint-stats');
const TOTALS_SQL = sqlFile(import.meta.url, 'endpoint-totals');
const IOC_SQL = sqlFile(import.meta.url, 'ioc-follow');
const NAMES_SQL = sqlFile(import.meta.url, 'endpoint-names');

export interface ScoredEndpoint { ep: number; stats: EndpointStats; score: InfraScore; names: Array<{ name: string; orgs: number }> }
export interface ScoredDomain { name: string; score: number; orgs: number; eps: number[]; first_seen: number; last_seen: number }

interface QueryParams extends InfraParams { longSeconds: number; longBytes: number; followSeconds: number; commonPorts: number[] }
type Totals = Pick<EndpointStats, 'orgs_total' | 'days_total' | 'window_start' | 'window_end'>;
type StatsRow = Omit<EndpointStats, 'is_ioc' | 'follow_hosts' | 'follow_orgs' | keyof Totals> & { ep: number };

export async function scoreEndpoints(store: Store, p: QueryParams): Promise<{ endpoints: ScoredEndpoint[]; domains: ScoredDomain[] }> {
  const [t] = await store.query<Totals>(TOTALS_SQL);
  const totals: Totals = { orgs_total: Number(t.orgs_total), days_total: Number(t.days_total), window_start: t.window_start, window_end: t.window_end };
  const links = await store.query<{ ep: number; seed: number; is_ioc: number; follow_hosts: number; follow_orgs: number }>(IOC_SQL, { followSeconds: p.followSeconds });
  const iocEps = new Set(links.filter((l) => Number(l.is_ioc)).map((l) => Number(l.ep)));
  const seeds = new Set(links.map((l) => Number(l.seed)));
  const rows = await store.query<StatsRow>(STATS_SQL, {
    longSeconds: p.longSeconds, longBytes: p.longBytes, commonPorts: p.commonPorts, minOrgs: 2, extraEps: [NO_ENDPOINT, ...iocEps], // below two orgs only a direct indicator can score
  });
  const names = new Map<number, Array<{ name: string; orgs: number }>>();
  for (const r of await store.query<{ ep: number; name: string; orgs: number }>(NAMES_SQL)) {
    const list = names.get(Number(r.ep)) ?? [];
    list.push({ name: r.name, orgs: Number(r.orgs) });
    names.set(Number(r.ep), list);
  }
  const statsOf = new Map(rows.map((r) => [Number(r.ep), r]));
  const follow = followBySeedsWorthTrusting(links, seeds, statsOf, totals, p);
  const endpoints: ScoredEndpoint[] = rows.map((r) => {
    const i = follow.get(Number(r.ep));
    const stats: EndpointStats = {
      orgs: Number(r.orgs), orgs_engaged: Number(r.orgs_engaged), org_days: Number(r.org_days), ports_in: Number(r.ports_in),
      flows: Number(r.flows), flows_in: Number(r.flows_in), common_flows: Number(r.common_flows), engaged: Number(r.engaged),
      bytes_up: Number(r.bytes_up), first_seen: r.first_seen, last_seen: r.last_seen, ...totals,
      is_ioc: iocEps.has(Number(r.ep)), follow_hosts: i?.follow_hosts ?? 0, follow_orgs: i?.follow_orgs ?? 0,
    };
    return { ep: Number(r.ep), stats, score: scoreEndpoint(stats, p), names: names.get(Number(r.ep)) ?? [] };
  });
  endpoints.sort((a, b) => b.score.score - a.score.score || b.stats.orgs - a.stats.orgs);
  return { endpoints, domains: domainsOf(endpoints) };
}


/**
 * Follow-up evidence per endpoint, from the indicator seeds that themselves look like campaign
 * infrastructure: an indicator that over-correlates (a CDN listed by mistake) or behaves like a scanner
 * would make every host it touched, and everything they touched next, suspicious.
 */
function followBySeedsWorthTrusting(
  links: Array<{ ep: number; seed: number; is_ioc: number; follow_hosts: number; follow_orgs: number }>,
  seeds: Set<number>, statsOf: Map<number, StatsRow>, totals: Totals, p: QueryParams,
): Map<number, { follow_hosts: number; follow_orgs: number }> {
  const trusted = new Set<number>();
  for (const seed of seeds) {
    const r = statsOf.get(seed);
    if (!r) continue;
    const s = scoreEndpoint({
      orgs: Number(r.orgs), orgs_engaged: Number(r.orgs_engaged), org_days: Number(r.org_days), ports_in: Number(r.ports_in),
      flows: Number(r.flows), flows_in: Number(r.flows_in), common_flows: Number(r.common_flows), engaged: Number(r.engaged),
      bytes_up: Number(r.bytes_up), first_seen: r.first_seen, last_seen: r.last_seen, ...totals, is_ioc: true, follow_hosts: 0, follow_orgs: 0,
    }, p);
    if (!s.flags.over_correlating && !s.flags.scanner_like) trusted.add(seed);
  }
  const out = new Map<number, { follow_hosts: number; follow_orgs: number }>();
  for (const l of links) {
    if (Number(l.is_ioc) || !trusted.has(Number(l.seed))) continue;
    const prev = out.get(Number(l.ep)) ?? { follow_hosts: 0, follow_orgs: 0 };
    out.set(Number(l.ep), { follow_hosts: Math.max(prev.follow_hosts, Number(l.follow_hosts)), follow_orgs: Math.max(prev.follow_orgs, Number(l.follow_orgs)) });
  }
  return out;
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
  return [...byName.values()].sort((a, b) => b.score - a.score);
}
