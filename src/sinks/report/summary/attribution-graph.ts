// The attribution graph of a case as layered columns: victims ← infrastructure → leases/accounts → identities,
// and infrastructure / identities → actor (through indicators and intel). Built from findings only; accounts
// appear as provider:account id (no names, emails or other PII).
import type { Finding } from '../../../core/types.ts';

export type Column = 'victim' | 'infrastructure' | 'account' | 'identity' | 'actor';
export const COLUMNS: Array<{ id: Column; title: string }> = [
  { id: 'victim', title: 'Victims' }, { id: 'infrastructure', title: 'Attacker infrastructure' },
  { id: 'account', title: 'Leases → provider accounts' }, { id: 'identity', title: 'Identities (linked accounts)' }, { id: 'actor', title: 'Actor (attribution)' },
];

export interface GraphNode { id: string; column: Column; label: string; note: string; weight: number }
export interface GraphEdge { from: string; to: string; label: string }
export interface AttributionGraph { nodes: GraphNode[]; edges: GraphEdge[]; hidden: Record<Column, number> }

export function attributionGraph(findings: Finding[], limits: { victims?: number; infrastructure?: number } = {}): AttributionGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const node = (column: Column, key: string, label: string, note: string, weight = 1) => {
    const id = `${column}:${key}`;
    const n = nodes.get(id) ?? { id, column, label, note, weight: 0 };
    n.weight += weight;
    nodes.set(id, n);
    return id;
  };
  const edge = (from: string, to: string, label: string) => edges.set(`${from}>${to}`, { from, to, label });
  const of = (a: string, k: string) => findings.filter((f) => f.analyzer === a && f.kind === k);
  for (const f of of('impact', 'victim-impact')) {
    const v = node('victim', f.subject, f.subject, String(f.details.severity), 1 + f.score);
    for (const e of (f.details.infrastructure as Array<{ ip: string; flows: number }>) ?? []) {
      edge(node('infrastructure', e.ip, e.ip, 'touched victims', 1), v, `${e.flows} flows`);
    }
  }
  const accountOf = new Map<string, string>();
  for (const f of of('leases', 'lease-attribution')) {
    const ip = String(f.details.ip), acct = `${f.details.provider}:${f.details.account_id}`;
    if (!nodes.has(`infrastructure:${ip}`)) continue;
    const a = node('account', acct, String(f.details.account_id), String(f.details.provider));
    accountOf.set(acct, a);
    edge(`infrastructure:${ip}`, a, 'leased by');
  }
  for (const f of of('identities', 'identity-cluster')) {
    const accts = ((f.details.accounts as string[]) ?? []).filter((a) => accountOf.has(a));
    if (accts.length === 0) continue;
    const agreed = ((f.details.explanation as Array<{ field: string; agreement: string }>) ?? []).filter((x) => x.agreement !== 'disagree').map((x) => x.field);
    const id = node('identity', f.subject, f.subject.replace(/^identity-/, 'identity '), `${accts.length} accounts; agree on ${agreed.join(', ')}`);
    for (const a of accts) edge(accountOf.get(a)!, id, 'same person?');
  }
  const actors = of('attribution', 'actor').filter((f) => f.details.confidence !== 'unlikely');
  for (const f of actors) {
    const a = node('actor', f.subject, f.subject, `${f.details.confidence} (score ${f.score.toFixed(2)})`, 3);
    const paths = ((f.details.evidence as string[]) ?? []).flatMap((e) => e.replace(/^\[[\d.]+\] /, '').split(' | '));
    const viaIdentity = paths.filter((p) => p.startsWith('identity cluster'));
    const direct = paths.filter((p) => !p.startsWith('identity cluster'));
    for (const n of nodes.values()) {
      if (n.column === 'identity' && viaIdentity.some((p) => p.includes(n.id.slice(9)))) edge(n.id, a, 'its accounts rented servers intel ties to the actor');
      const hit = n.column === 'infrastructure' && direct.find((p) => new RegExp(`(^|[^\\d.])${n.label.replace(/\./g, '\\.')}([^\\d.]|$)`).test(p));
      if (hit) edge(n.id, a, hit);
    }
  }
  return prune([...nodes.values()], [...edges.values()], { victim: limits.victims ?? 16, infrastructure: limits.infrastructure ?? 16 });
}

/** Keeps the heaviest victims and infrastructure so the drawing stays readable; counts what was left out. */
function prune(nodes: GraphNode[], edges: GraphEdge[], max: Partial<Record<Column, number>>): AttributionGraph {
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const hidden = { victim: 0, infrastructure: 0, account: 0, identity: 0, actor: 0 } as Record<Column, number>;
  const keep = new Set<string>();
  for (const c of COLUMNS) {
    const col = nodes.filter((n) => n.column === c.id).sort((a, b) => (degree.get(b.id) ?? 0) + b.weight - ((degree.get(a.id) ?? 0) + a.weight) || a.id.localeCompare(b.id));
    const limit = max[c.id] ?? Infinity;
    col.slice(0, limit).forEach((n) => keep.add(n.id));
    hidden[c.id] = Math.max(0, col.length - limit);
  }
  const kept = nodes.filter((n) => keep.has(n.id));
  return { nodes: kept, edges: edges.filter((e) => keep.has(e.from) && keep.has(e.to)), hidden };
}
