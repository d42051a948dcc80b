// MISP tags and galaxy clusters → TLP, actor intel objects (with synonyms as aliases), ATT&CK ids.
import type { Tlp } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import { actorNameObjectId } from '../iocs/indicator-row.ts';
import { parseTlp, strictest } from '../iocs/tlp.ts';

type Obj = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTOR_GALAXIES = new Set(['threat-actor', 'mitre-intrusion-set', 'mitre-enterprise-attack-intrusion-set']);
const STIX_TYPE: Record<string, string> = {
  'threat-actor': 'intrusion-set', 'mitre-intrusion-set': 'intrusion-set', 'mitre-enterprise-attack-intrusion-set': 'intrusion-set',
  'mitre-attack-pattern': 'attack-pattern', 'mitre-enterprise-attack-attack-pattern': 'attack-pattern',
  'mitre-malware': 'malware', 'mitre-tool': 'tool', malpedia: 'malware', tool: 'tool', 'mitre-enterprise-attack-malware': 'malware',
};

export function tagNames(x: Obj): string[] {
  return Array.isArray(x.Tag) ? (x.Tag as Obj[]).map((t) => String(t.name ?? '')).filter(Boolean) : [];
}

export function tagsTlp(tags: string[]): Tlp | null {
  return strictest(tags.filter((t) => /^tlp:/i.test(t)).map((t) => parseTlp(t)));
}

/** "APT10 - G0045" → { name: 'APT10', ids: ['G0045'] } (MITRE galaxies append the ATT&CK id). */
function splitAttackId(value: string): { name: string; ids: string[] } {
  const m = /^(.*?)\s+-\s+([GSTC]\d{4}(?:\.\d{3})?)$/.exec(value.trim());
  return m ? { name: m[1], ids: [m[2]] } : { name: value.trim(), ids: [] };
}

export interface GalaxyObjects { rows: Row[]; actorIds: string[] }

/** Intel objects for the galaxy clusters and galaxy tags of one event (or attribute). */
export function galaxyObjects(holder: Obj, source: string, tlp: Tlp): GalaxyObjects {
  const rows = new Map<string, Row>();
  const actorIds: string[] = [];
  const seenTags = new Set<string>();
  const galaxies = Array.isArray(holder.Galaxy) ? (holder.Galaxy as Obj[]) : [];
  for (const g of galaxies) {
    const gtype = String(g.type ?? '');
    for (const c of (Array.isArray(g.GalaxyCluster) ? g.GalaxyCluster : []) as Obj[]) {
      const stixType = STIX_TYPE[String(c.type ?? gtype)] ?? STIX_TYPE[gtype] ?? 'x-misp-galaxy-cluster';
      const { name, ids } = splitAttackId(String(c.value ?? ''));
      const meta = (c.meta ?? {}) as Obj;
      const extIds = [...ids, ...((meta.external_id as string[]) ?? [])].filter((x) => /^[GSTC]\d{4}/.test(x));
      const isActor = ACTOR_GALAXIES.has(gtype) || stixType === 'intrusion-set';
      const id = isActor ? actorNameObjectId(name) : UUID.test(String(c.uuid)) ? `${stixType}--${String(c.uuid)}` : actorNameObjectId(name).replace('intrusion-set', stixType);
      if (c.tag_name) seenTags.add(String(c.tag_name));
      rows.set(id, {
        id, type: stixType, name, aliases: ((meta.synonyms as string[]) ?? []).filter((s) => typeof s === 'string'),
        external_ids: [...new Set(extIds)], actor: null, tlp, source, raw: c,
      });
      if (isActor) actorIds.push(id);
    }
  }
  for (const tag of tagNames(holder)) {
    const m = /^misp-galaxy:([a-z0-9-]+)="(.+)"$/.exec(tag);
    const stixType = m ? STIX_TYPE[m[1]] : undefined;
    if (!m || !stixType || seenTags.has(tag)) continue;
    const { name, ids } = splitAttackId(m[2]);
    const id = stixType === 'intrusion-set' ? actorNameObjectId(name) : actorNameObjectId(name).replace('intrusion-set', stixType);
    if (!rows.has(id)) rows.set(id, { id, type: stixType, name, aliases: [], external_ids: ids, actor: null, tlp, source, raw: { tag } });
    if (stixType === 'intrusion-set') actorIds.push(id);
  }
  return { rows: [...rows.values()], actorIds: [...new Set(actorIds)] };
}
