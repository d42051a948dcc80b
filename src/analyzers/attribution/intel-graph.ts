// The intel side of the evidence graph: which actors each item (malware, tool, technique, indicator,
// campaign) is tied to. Items are keyed by ATT&CK id when there is one, so two sources' objects for the
// same malware are one item; actors are the canonical ids resolved from names and aliases.
export interface ActorInfo { id: string; name: string; aliases: string[]; externalIds: string[]; tlp: string }
export interface ItemInfo { key: string; type: string; label: string; actors: Set<string> }

export interface IntelLinkRow {
  rel: string; s_id: string; s_type: string; s_name: string | null; s_ext: string | null; s_actor: string | null;
  t_id: string; t_type: string; t_name: string | null; t_ext: string | null; t_actor: string | null;
}

export const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor']);
const parseList = (v: unknown): string[] => (typeof v === 'string' ? JSON.parse(v) : Array.isArray(v) ? v : []) as string[];

export function itemKey(type: string, name: string | null, externalIds: unknown, id: string): string {
  const ext = parseList(externalIds)[0];
  if (ext) return ext.toUpperCase();
  return name ? `${type}:${name.toLowerCase()}` : id;
}

export function actorIndex(rows: Array<{ actor: string; name: string; aliases: unknown; external_ids: unknown; tlp: string }>): Map<string, ActorInfo> {
  const out = new Map<string, ActorInfo>();
  for (const r of rows) {
    const a = out.get(r.actor) ?? { id: r.actor, name: r.name, aliases: [], externalIds: [], tlp: r.tlp };
    for (const al of [r.name, ...parseList(r.aliases)]) if (al !== a.name && !a.aliases.includes(al)) a.aliases.push(al);
    for (const e of parseList(r.external_ids)) if (!a.externalIds.includes(e)) a.externalIds.push(e);
    out.set(r.actor, a);
  }
  return out;
}

/**
 * item key → actors, from uses / indicates / attributed-to relationships in either direction, reports naming
 * one actor (rel 'report-ref', see report-links.ts), and one hop through campaigns: what a campaign
 * attributed to an actor uses, and the indicators that indicate it, are that actor's.
 */
export function itemIndex(links: IntelLinkRow[]): { items: Map<string, ItemInfo>; idToKey: Map<string, string> } {
  const items = new Map<string, ItemInfo>();
  const idToKey = new Map<string, string>();
  const touch = (id: string, type: string, name: string | null, ext: string | null) => {
    const key = itemKey(type, name, ext, id);
    idToKey.set(id, key);
    const it = items.get(key) ?? { key, type, label: `${type} ${name ?? id}${parseList(ext)[0] ? ` (${parseList(ext)[0]})` : ''}`, actors: new Set<string>() };
    items.set(key, it);
    return it;
  };
  const campaignActors = new Map<string, Set<string>>();
  const tie = (actor: string, rel: string, id: string, type: string, name: string | null, ext: string | null) => {
    if (type === 'report') return; // a report is a document about the actor, never something a victim sights
    touch(id, type, name, ext).actors.add(actor);
    if (type === 'campaign' && (rel === 'attributed-to' || rel === 'report-ref')) {
      campaignActors.set(id, (campaignActors.get(id) ?? new Set<string>()).add(actor));
    }
  };
  for (const l of links) {
    const sActor = ACTOR_TYPES.has(l.s_type) ? l.s_actor : null;
    const tActor = ACTOR_TYPES.has(l.t_type) ? l.t_actor : null;
    if (sActor && !tActor && !ACTOR_TYPES.has(l.t_type)) tie(sActor, l.rel, l.t_id, l.t_type, l.t_name, l.t_ext);
    else if (tActor && !sActor && !ACTOR_TYPES.has(l.s_type)) tie(tActor, l.rel, l.s_id, l.s_type, l.s_name, l.s_ext);
  }
  for (const l of links) {
    const viaUses = l.rel === 'uses' && campaignActors.has(l.s_id) && !ACTOR_TYPES.has(l.t_type);
    const viaIndicates = l.rel === 'indicates' && campaignActors.has(l.t_id) && l.s_type === 'indicator';
    if (viaUses) for (const a of campaignActors.get(l.s_id)!) tie(a, l.rel, l.t_id, l.t_type, l.t_name, l.t_ext);
    if (viaIndicates) for (const a of campaignActors.get(l.t_id)!) tie(a, l.rel, l.s_id, l.s_type, l.s_name, l.s_ext);
  }
  return { items, idToKey };
}
