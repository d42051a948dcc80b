// The observed side of the evidence graph: what this case actually saw that intel ties to actors —
// victim SOC sightings, indicator hits in flows/DNS/TLS, and operators (one person renting several servers).
import type { Finding } from '../../core/types.ts';
import { itemKey, type ItemInfo } from './intel-graph.ts';
import type { ItemKind, ObservedItem } from './score.ts';

export interface SightedRow { ref: string; type: string; name: string | null; external_ids: unknown; org: string | null; count: number }

const KINDS = new Set<ItemKind>(['indicator', 'malware', 'tool', 'attack-pattern', 'campaign']);
const kindOf = (t: string): ItemKind => (KINDS.has(t as ItemKind) ? (t as ItemKind) : 'other');

class Collector {
  private readonly by = new Map<string, { kind: ItemKind; actors: Set<string>; orgs: Set<string>; paths: string[]; strength: number }>();
  add(key: string, kind: ItemKind, actors: Iterable<string>, org: string | null, path: string, strength = 1): void {
    const e = this.by.get(key) ?? { kind, actors: new Set<string>(), orgs: new Set<string>(), paths: [], strength: 0 };
    e.strength = Math.max(e.strength, strength);
    for (const a of actors) e.actors.add(a);
    if (org) e.orgs.add(org);
    if (e.paths.length < 5) e.paths.push(path);
    this.by.set(key, e);
  }
  items(): ObservedItem[] {
    return [...this.by.entries()].filter(([, e]) => e.actors.size > 0).map(([key, e]) => ({
      key, kind: e.kind, actors: [...e.actors].sort(), orgs: Math.max(1, e.orgs.size),
      path: e.paths.join(' | '), strength: e.strength,
    }));
  }
}

export function observedItems(input: {
  sighted: SightedRow[]; items: Map<string, ItemInfo>; idToKey: Map<string, string>;
  iocHits: Finding[]; leases: Finding[]; identities: Finding[]; actorName: (id: string) => string;
}): ObservedItem[] {
  const c = new Collector();
  for (const s of input.sighted) {
    const key = input.idToKey.get(s.ref) ?? itemKey(s.type, s.name, s.external_ids, s.ref);
    const item = input.items.get(key);
    const names = [...(item?.actors ?? [])].map(input.actorName).join(', ');
    c.add(key, kindOf(s.type), item?.actors ?? [], s.org,
      `${s.org ?? 'a victim'} SOC sighted ${item?.label ?? `${s.type} ${s.name}`} ×${s.count} — intel ties it to ${names || 'no actor'}`);
  }
  const actorsOfIp = new Map<string, Set<string>>();
  for (const h of input.iocHits.filter((f) => f.kind === 'ioc-hit')) {
    const ind = h.details.indicator as { type: string; value: string };
    const actors = (h.details.actors as string[] | undefined) ?? [];
    const sources = ((h.details.corroborating_sources as string[] | undefined) ?? []).join(', ');
    c.add(`indicator:${ind.type}:${ind.value}`, 'indicator', actors, String(h.details.org ?? ''),
      `${h.details.org} ↔ ${ind.value} (${(h.details.via as string[] | undefined)?.join('/') ?? 'flows'}) — indicator from ${sources} indicates ${actors.map(input.actorName).join(', ') || 'no actor'} (hit score ${h.score.toFixed(2)})`, h.score);
    const set = actorsOfIp.get(ind.value) ?? new Set<string>();
    actors.forEach((a) => set.add(a));
    actorsOfIp.set(ind.value, set);
  }
  for (const op of operators(input.leases, input.identities)) {
    const actors = new Set(op.ips.flatMap((ip) => [...(actorsOfIp.get(ip) ?? [])]));
    if (op.ips.length < 2 || actors.size === 0) continue;
    const tied = op.ips.filter((ip) => actorsOfIp.has(ip));
    c.add(`operator:${op.id}`, 'operator', actors, null,
      `${op.label} rented ${op.ips.join(', ')}; ${tied.join(', ')} ${tied.length > 1 ? 'are indicators' : 'is an indicator'} of ${[...actors].map(input.actorName).join(', ')}`);
  }
  return c.items();
}

/** Each identity cluster (or lone account) with the IPs the leases analyzer says it held during attacks. */
function operators(leases: Finding[], identities: Finding[]): Array<{ id: string; label: string; ips: string[] }> {
  const clusterOf = new Map<string, Finding>();
  for (const f of identities) for (const a of (f.details.accounts as string[] | undefined) ?? []) clusterOf.set(a, f);
  const byOp = new Map<string, { id: string; label: string; ips: Set<string> }>();
  for (const l of leases.filter((f) => f.kind === 'lease-attribution')) {
    const account = `${l.details.provider}:${l.details.account_id}`;
    const cluster = clusterOf.get(account);
    const id = cluster ? cluster.subject : account;
    const label = cluster ? `identity cluster ${cluster.subject} (${((cluster.details.accounts as string[]) ?? []).length} accounts)` : `account ${account}`;
    const op = byOp.get(id) ?? { id, label, ips: new Set<string>() };
    op.ips.add(String(l.details.ip));
    byOp.set(id, op);
  }
  return [...byOp.values()].map((o) => ({ ...o, ips: [...o.ips].sort() }));
}
