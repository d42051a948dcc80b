// Runs the endpoint queries and scores every external endpoint; names inherit their best address's score.
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { scoreEndpoint, type EndpointStats, type InfraParams, type InfraScore } from './score.ts';

const STATS_SQL = sqlFile(import.meta.url, 'endpoint-stats');
const IOC_SQL = sqlFile(import.meta.url, 'ioc-follow');
const NAMES_SQL = sqlFile(import.meta.url, 'endpoint-names');

export interface ScoredEndpoint { ep: number; stats: EndpointStats; score: InfraScore; names: Array<{ name: string; orgs: number }> }
export interface ScoredDomain { name: string; score: number; orgs: number; eps: number[]; first_seen: number; last_seen: number }

interface QueryParams extends InfraParams { longSeconds: number; longBytes: number; followSeconds: number }
type StatsRow = Omit<EndpointStats, 'is_ioc' | 'follow_hosts' | 'follow_orgs'> & { ep: number };

export async function scoreEndpoints(store: Store, p: QueryParams): Promise<{ endpoints: ScoredEndpoint[]; domains: ScoredDomain[] }> {
  const rows = await store.query<StatsRow>(STATS_SQL, { longSeconds: p.longSeconds, longBytes: p.longBytes });
  const ioc = new Map<number, { is_ioc: number; follow_hosts: number; follow_orgs: number }>();
  for (const r of await store.query<{ ep: number; is_ioc: number; follow_hosts: number; follow_orgs: number }>(IOC_SQL, { followSeconds: p.followSeconds })) {
    const prev = ioc.get(Number(r.ep));
    ioc.set(Number(r.ep), prev && prev.is_ioc ? prev : { is_ioc: Number(r.is_ioc), follow_hosts: Number(r.follow_hosts), follow_orgs: Number(r.follow_orgs) });
  }
  const names = new Map<number, Array<{ name: string; orgs: number }>>();
  for (const r of await store.query<{ ep: number; name: string; orgs: number }>(NAMES_SQL)) {
    const list = names.get(Number(r.ep)) ?? [];
    list.push({ name: r.name, orgs: Number(r.orgs) });
    names.set(Number(r.ep), list);
  }
  const endpoints: ScoredEndpoint[] = rows.map((r) => {
    const i = ioc.get(Number(r.ep));
    const stats: EndpointStats = {
      ...numeric(r), is_ioc: !!i?.is_ioc, follow_hosts: i?.follow_hosts ?? 0, follow_orgs: i?.follow_orgs ?? 0,
      top_port: r.top_port == null ? null : Number(r.top_port),
    };
    return { ep: Number(r.ep), stats, score: scoreEndpoint(stats, p), names: names.get(Number(r.ep)) ?? [] };
  });
  endpoints.sort((a, b) => b.score.score - a.score.score || b.stats.orgs - a.stats.orgs);
  return { endpoints, domains: domainsOf(endpoints) };
}

function numeric(r: StatsRow): Omit<EndpointStats, 'is_ioc' | 'follow_hosts' | 'follow_orgs'> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'ep') out[k] = v == null ? null : Number(v);
  return out as unknown as Omit<EndpointStats, 'is_ioc' | 'follow_hosts' | 'follow_orgs'>;
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
