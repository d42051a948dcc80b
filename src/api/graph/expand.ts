// Server-side neighbourhood expansion: one node in, at most `limit` neighbours out (never the whole graph).
import { ipKey } from '../../core/ip.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { ApiContext } from '../context.ts';
import { ipTexts, keyList, type FlaggedEndpoint } from '../flagged.ts';
import { relayIps } from '../routes/relays.ts';
import { top, type ContactIndex } from './contacts.ts';
import { edge, NeighbourhoodBuilder, nodeId, parseNodeId, type GraphNode, type Neighbourhood, type NodeType } from './model.ts';

export interface ExpandInput { ctx: ApiContext; flagged: Map<number, FlaggedEndpoint>; contacts: ContactIndex; limit: number; types: Set<NodeType> | null }
const sql = (name: string) => sqlFile(import.meta.url, name);

export function endpointNode(ip: string, flagged: Map<number, FlaggedEndpoint>): GraphNode {
  const f = flagged.get(ipKey(ip) ?? NaN);
  const score = f?.findings.length ? Math.max(...f.findings.map((x) => x.score)) : undefined;
  return { id: nodeId('ip', ip), type: 'ip', label: ip, flagged: !!f, ...(score != null ? { score } : {}), ...(f ? { tlp: f.tlp } : {}) };
}

export async function expandNode(id: string, input: ExpandInput, center: GraphNode): Promise<Neighbourhood> {
  const parsed = parseNodeId(id)!;
  const b = new NeighbourhoodBuilder(input.limit, center);
  const ok = (t: NodeType) => !input.types || input.types.has(t);
  const { ctx, flagged, limit } = input;
  const keys = keyList([...flagged.keys()]);
  const p = parsed.parts;
  switch (parsed.type) {
    case 'org': {
      const contacts = input.contacts.byOrg.get(p[0]) ?? [];
      if (ok('ip')) {
        const rows = top(contacts, (c) => c.ext, limit + 1);
        const t = await ipTexts(ctx, rows.map((r) => r.key));
        for (const r of rows) b.add(endpointNode(t(r.key), flagged), edge(id, nodeId('ip', t(r.key)), 'contacted', `${r.n} conn`, r.n));
      }
      if (ok('host')) {
        const rows = top(contacts, (c) => c.host, limit + 1);
        const t = await ipTexts(ctx, rows.map((r) => r.key));
        for (const r of rows) b.add({ id: nodeId('host', p[0], t(r.key)), type: 'host', label: t(r.key), data: { org: p[0] } }, edge(id, nodeId('host', p[0], t(r.key)), 'owns', `${r.n} conn`, r.n));
      }
      break;
    }
    case 'host': {
      const host = ipKey(p[1]);
      if (host == null || !ok('ip')) break;
      const rows = await ctx.store.query<{ ext: number; n: number }>(sql('host-endpoints'), { org: p[0], host, keys, limit: limit + 1 });
      const t = await ipTexts(ctx, rows.map((r) => r.ext));
      for (const r of rows) b.add(endpointNode(t(r.ext), flagged), edge(id, nodeId('ip', t(r.ext)), 'contacted', `${r.n} conn`, r.n));
      break;
    }
    case 'ip': await expandEndpoint(p[0], id, input, b, ok); break;
    case 'account': await expandAccount(p[0], p[1], id, input, b, ok); break;
    case 'provider': {
      if (!ok('account')) break;
      const rows = await ctx.store.query<{ account_id: string }>(
        'SELECT DISTINCT account_id FROM leases WHERE provider = $p ORDER BY account_id LIMIT $limit', { p: p[0], limit: limit + 1 });
      for (const r of rows) b.add(accountNode(p[0], r.account_id), edge(nodeId('account', p[0], r.account_id), id, 'customer of'));
      break;
    }
    case 'identity': await expandIdentity(p[0], id, input, b, ok); break;
    case 'indicator': {
      const rows = await ctx.store.query<{ type: string; value: string; intrusion_set: string | null; ip: number | null }>(
        'SELECT type, value, intrusion_set, ip FROM indicators WHERE id = $id LIMIT 1', { id: p[0] });
      for (const r of rows) {
        if (r.ip != null && ok('ip')) b.add(endpointNode(r.value, flagged), edge(id, nodeId('ip', r.value), 'indicates'));
        if (r.intrusion_set && ok('actor')) b.add(actorNode(r.intrusion_set), edge(id, nodeId('actor', r.intrusion_set), 'attributed to'));
      }
      break;
    }
    case 'actor': await expandActor(p[0], id, input, b, ok); break;
  }
  return b.result();
}

async function expandEndpoint(ip: string, id: string, { ctx, flagged, contacts, limit }: ExpandInput, b: NeighbourhoodBuilder, ok: (t: NodeType) => boolean) {
  const key = ipKey(ip);
  if (key == null) return;
  if (ok('org')) {
    // Flagged endpoints come from the contact index; any other address is looked up in the flows.
    const orgs = flagged.has(key)
      ? top(contacts.byExt.get(key) ?? [], (c) => c.org, limit + 1).map((r) => ({ org: r.key, n: r.n }))
      : await ctx.store.query<{ org: string; n: number }>(sql('endpoint-orgs'), { ip: key, limit: limit + 1 });
    const names = await orgNames(ctx);
    for (const o of orgs) b.add(orgNode(o.org, names), edge(nodeId('org', o.org), id, 'contacted', `${o.n} conn`, o.n));
  }
  if (ok('account')) {
    const leases = await ctx.store.query<{ provider: string; account_id: string; start: number; end: number | null }>(
      'SELECT provider, account_id, start, "end" FROM leases WHERE ip = $ip ORDER BY start LIMIT $limit', { ip: key, limit: limit + 1 });
    for (const l of leases) {
      b.add(accountNode(l.provider, l.account_id), edge(nodeId('account', l.provider, l.account_id), id, 'leased', leaseLabel(l.start, l.end)));
    }
  }
  if (ok('indicator') || ok('actor')) {
    const inds = await ctx.store.query<{ id: string; type: string; value: string; tlp: string; intrusion_set: string | null }>(
      'SELECT id, type, value, tlp, intrusion_set FROM indicators WHERE ip = $ip ORDER BY id LIMIT $limit', { ip: key, limit: limit + 1 });
    for (const i of inds) {
      if (ok('indicator')) b.add({ id: nodeId('indicator', i.id), type: 'indicator', label: `${i.type} ${i.value}`, tlp: i.tlp }, edge(nodeId('indicator', i.id), id, 'indicates'));
      if (i.intrusion_set && ok('actor')) b.add(actorNode(i.intrusion_set), edge(id, nodeId('actor', i.intrusion_set), 'attributed to'));
    }
  }
  if (ok('ip')) {
    for (const f of await ctx.store.findings({ analyzer: 'relays' })) {
      const ips = relayIps(f).filter((s) => ipKey(s) != null);
      const at = ips.indexOf(ip);
      if (at < 0) continue;
      for (const [i, other] of ips.entries()) {
        if (other === ip || Math.abs(i - at) !== 1) continue;
        const [from, to] = i < at ? [other, ip] : [ip, other];
        b.add(endpointNode(other, flagged), edge(nodeId('ip', from), nodeId('ip', to), 'relayed', `${f.kind} ${f.score.toFixed(2)}`));
      }
    }
  }
}

async function expandAccount(provider: string, account: string, id: string, { ctx, flagged, limit }: ExpandInput, b: NeighbourhoodBuilder, ok: (t: NodeType) => boolean) {
  if (ok('provider')) b.add({ id: nodeId('provider', provider), type: 'provider', label: provider }, edge(id, nodeId('provider', provider), 'customer of'));
  if (ok('ip')) {
    const leases = await ctx.store.query<{ ip: number; start: number; end: number | null }>(
      'SELECT ip, start, "end" FROM leases WHERE provider = $p AND account_id = $a ORDER BY start LIMIT $limit', { p: provider, a: account, limit: limit + 1 });
    const t = await ipTexts(ctx, leases.map((l) => l.ip));
    for (const l of leases) b.add(endpointNode(t(l.ip), flagged), edge(id, nodeId('ip', t(l.ip)), 'leased', leaseLabel(l.start, l.end)));
  }
  if (ok('identity')) {
    const clusters = await ctx.store.query<{ cluster_id: string; confidence: number; account_ids: string }>('SELECT cluster_id, confidence, account_ids FROM identities');
    for (const c of clusters) {
      const ids: string[] = JSON.parse(c.account_ids);
      if (ids.includes(`${provider}:${account}`) || ids.includes(account)) {
        b.add({ id: nodeId('identity', c.cluster_id), type: 'identity', label: c.cluster_id, score: c.confidence }, edge(id, nodeId('identity', c.cluster_id), 'member of'));
      }
    }
  }
}

async function expandIdentity(cluster: string, id: string, { ctx }: ExpandInput, b: NeighbourhoodBuilder, ok: (t: NodeType) => boolean) {
  const rows = await ctx.store.query<{ account_ids: string }>('SELECT account_ids FROM identities WHERE cluster_id = $c', { c: cluster });
  if (ok('account')) {
    for (const r of rows) {
      for (const ref of JSON.parse(r.account_ids) as string[]) {
        const [provider, account] = ref.includes(':') ? [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)] : ['?', ref];
        b.add(accountNode(provider, account), edge(nodeId('account', provider, account), id, 'member of'));
      }
    }
  }
  if (ok('actor')) {
    for (const f of await ctx.store.findings({ analyzer: 'attribution' })) {
      if (JSON.stringify(f.details).includes(cluster)) b.add(actorNode(f.subject, f.score), edge(id, nodeId('actor', f.subject), 'attributed to', f.score.toFixed(2)));
    }
  }
}

async function expandActor(actor: string, id: string, { ctx, flagged, limit }: ExpandInput, b: NeighbourhoodBuilder, ok: (t: NodeType) => boolean) {
  if (ok('indicator')) {
    const inds = await ctx.store.query<{ id: string; type: string; value: string; tlp: string }>(
      'SELECT id, type, value, tlp FROM indicators WHERE intrusion_set = $a ORDER BY id LIMIT $limit', { a: actor, limit: limit + 1 });
    for (const i of inds) b.add({ id: nodeId('indicator', i.id), type: 'indicator', label: `${i.type} ${i.value}`, tlp: i.tlp }, edge(nodeId('indicator', i.id), id, 'attributed to'));
  }
  const f = (await ctx.store.findings({ analyzer: 'attribution', subject: actor }))[0];
  const shared = Array.isArray(f?.details.shared_items) ? (f.details.shared_items as unknown[]).map(String) : [];
  for (const item of shared) {
    if (ipKey(item) != null && ok('ip')) b.add(endpointNode(item, flagged), edge(nodeId('ip', item), id, 'shared item'));
    if (item.startsWith('cluster') && ok('identity')) b.add({ id: nodeId('identity', item), type: 'identity', label: item }, edge(nodeId('identity', item), id, 'shared item'));
  }
}

export function accountNode(provider: string, account: string): GraphNode {
  return { id: nodeId('account', provider, account), type: 'account', label: `${provider}/${account}` };
}

export function actorNode(actor: string, score?: number): GraphNode {
  return { id: nodeId('actor', actor), type: 'actor', label: actor, ...(score != null ? { score } : {}) };
}

export function orgNode(org: string, names: Map<string, string>): GraphNode {
  return { id: nodeId('org', org), type: 'org', label: names.get(org) ?? org };
}

export async function orgNames(ctx: ApiContext): Promise<Map<string, string>> {
  return ctx.cache.get('org-names', async () => new Map((await ctx.store.query<{ id: string; name: string }>('SELECT id, name FROM orgs')).map((o) => [o.id, o.name])));
}

function leaseLabel(start: number, end: number | null): string {
  const d = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);
  return `${d(start)} → ${end == null ? 'now' : d(end)}`;
}
