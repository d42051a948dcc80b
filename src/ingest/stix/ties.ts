// Which intrusion set (or threat actor) each indicator belongs to: an `indicates` relationship to it,
// one through a campaign `attributed-to` it, a report listing both, or a bundle about exactly one group.
// Shared malware or tools never tie an indicator to a group.
import type { Obj } from './objects.ts';

const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor']);

export function tiesToIntrusionSets(objs: Obj[]): Map<string, string> {
  const typeOf = new Map(objs.map((o) => [String(o.id), String(o.type)]));
  const isActor = (id: string) => ACTOR_TYPES.has(typeOf.get(id) ?? id.split('--')[0]);
  const rels = objs.filter((o) => o.type === 'relationship');
  const campaignActor = new Map<string, string>();
  for (const r of rels) {
    const s = String(r.source_ref), t = String(r.target_ref);
    if (r.relationship_type === 'attributed-to' && s.startsWith('campaign--') && isActor(t)) campaignActor.set(s, t);
  }
  const ties = new Map<string, string>();
  for (const r of rels) {
    const s = String(r.source_ref), t = String(r.target_ref);
    if (r.relationship_type !== 'indicates' || !s.startsWith('indicator--') || ties.has(s)) continue;
    if (isActor(t)) ties.set(s, t);
    else if (campaignActor.has(t)) ties.set(s, campaignActor.get(t)!);
  }
  for (const rep of objs.filter((o) => o.type === 'report' && Array.isArray(o.object_refs))) {
    const refs = rep.object_refs as string[];
    const actors = refs.filter(isActor);
    if (actors.length !== 1) continue;
    for (const ref of refs) if (ref.startsWith('indicator--') && !ties.has(ref)) ties.set(ref, actors[0]);
  }
  const actors = objs.filter((o) => ACTOR_TYPES.has(String(o.type)));
  if (actors.length === 1) {
    for (const o of objs) if (o.type === 'indicator' && !ties.has(String(o.id))) ties.set(String(o.id), String(actors[0].id));
  }
  return ties;
}
