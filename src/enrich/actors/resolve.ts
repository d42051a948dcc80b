// Actor resolution: intrusion sets and threat actors that share a normalised name, alias or ATT&CK group id
// are one actor (union-find). Only names, aliases and external ids join actors — never shared malware or
// tools, which many distinct groups use (and MISP tool clusters even list actor names as synonyms).

export interface ActorInput { id: string; type: string; name: string | null; aliases: string[]; external_ids: string[] }
export interface Actor { id: string; name: string; aliases: string[]; external_ids: string[]; members: string[] }

export const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor']);

/** Case, width, spaces and punctuation folded: "APT 10", "apt-10", "ＡＰＴ１０" → "apt10". */
export function normaliseActorName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\-_.'’"()]+/g, '');
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) { p = this.find(p); this.parent.set(x, p); }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

const GROUP_ID = /^G\d{4}$/;

function keysOf(o: ActorInput): string[] {
  const names = [o.name, ...o.aliases].filter((x): x is string => !!x && x.trim() !== '').map((x) => `n:${normaliseActorName(x)}`);
  const ids = o.external_ids.filter((x) => GROUP_ID.test(x)).map((x) => `g:${x}`);
  return [...names.filter((k) => k.length > 3), ...ids];
}

/** Groups actor objects; non-actor objects are ignored. Deterministic for a given input set. */
export function resolveActorGroups(objects: ActorInput[]): Actor[] {
  const actors = objects.filter((o) => ACTOR_TYPES.has(o.type));
  const uf = new UnionFind();
  for (const o of actors) for (const k of keysOf(o)) uf.union(`o:${o.id}`, k);
  const groups = new Map<string, ActorInput[]>();
  for (const o of actors) {
    const root = uf.find(`o:${o.id}`);
    const list = groups.get(root) ?? [];
    list.push(o);
    groups.set(root, list);
  }
  return [...groups.values()].map(toActor).sort((a, b) => a.id.localeCompare(b.id));
}

function toActor(members: ActorInput[]): Actor {
  const externalIds = [...new Set(members.flatMap((m) => m.external_ids))].sort();
  const names = new Map<string, string>(); // normalised → first spelling met (members sorted by id)
  const sorted = [...members].sort((a, b) => a.id.localeCompare(b.id));
  for (const m of sorted) for (const n of [m.name, ...m.aliases]) if (n && !names.has(normaliseActorName(n))) names.set(normaliseActorName(n), n);
  const name = canonicalName(sorted);
  const groupId = externalIds.find((x) => GROUP_ID.test(x));
  return {
    id: groupId ? `actor:${groupId}` : `actor:${normaliseActorName(name)}`,
    name,
    aliases: [...names.values()].filter((n) => n !== name).sort(),
    external_ids: externalIds,
    members: sorted.map((m) => m.id),
  };
}

/** The name an ATT&CK-identified member uses, else the most common name among members. */
function canonicalName(members: ActorInput[]): string {
  const attack = members.find((m) => m.external_ids.some((x) => GROUP_ID.test(x)) && m.name);
  if (attack?.name) return attack.name;
  const counts = new Map<string, number>();
  for (const m of members) if (m.name) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best?.[0] ?? members[0].id;
}
