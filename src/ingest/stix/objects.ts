// Field extraction shared by STIX object conversion: TLP from markings, ATT&CK ids, aliases, names.
import type { Tlp } from '../../core/types.ts';
import { parseTime } from '../iocs/indicator-row.ts';
import { TLP_MARKING_IDS, parseTlp, strictest } from '../iocs/tlp.ts';

export type Obj = Record<string, unknown>;

const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const ATTACK_SOURCES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack', 'mitre-pre-attack']);

/** TLP of a marking-definition object defined inside the bundle (1.0 `definition.tlp` or the 2.0 extension). */
export function markingTlp(m: Obj): Tlp | null {
  const known = TLP_MARKING_IDS[String(m.id)];
  if (known) return known;
  const def = m.definition as Obj | undefined;
  if (m.definition_type === 'tlp' && def) return parseTlp(String(def.tlp ?? ''));
  const ext = (m.extensions as Record<string, Obj> | undefined)?.[TLP2_EXTENSION];
  if (ext?.tlp_2_0) return parseTlp(String(ext.tlp_2_0));
  return typeof m.name === 'string' && /^tlp:/i.test(m.name) ? parseTlp(m.name) : null;
}

export function objectTlp(o: Obj, bundleMarkings: Map<string, Tlp>, fallback: Tlp): Tlp {
  const refs = Array.isArray(o.object_marking_refs) ? (o.object_marking_refs as string[]) : [];
  return strictest(refs.map((r) => TLP_MARKING_IDS[r] ?? bundleMarkings.get(r))) ?? fallback;
}

export function externalIds(o: Obj): string[] {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Obj[]) : [];
  return [...new Set(refs.filter((r) => ATTACK_SOURCES.has(String(r.source_name)) && typeof r.external_id === 'string')
    .map((r) => String(r.external_id)))];
}

export function aliasesOf(o: Obj): string[] {
  const lists = [o.aliases, o.x_mitre_aliases].filter(Array.isArray) as unknown[][];
  const name = typeof o.name === 'string' ? o.name : null;
  return [...new Set(lists.flat().filter((a): a is string => typeof a === 'string' && a.trim() !== '' && a !== name))];
}

export function nameOf(o: Obj): string | null {
  if (typeof o.name === 'string') return o.name;
  if (typeof o.value === 'string') return o.value; // SCOs
  return null;
}

const ID = /^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reason an object is structurally unusable, or null. */
export function invalidReason(o: unknown): string | null {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not a JSON object';
  const x = o as Obj;
  if (typeof x.type !== 'string') return 'missing "type"';
  if (typeof x.id !== 'string') return 'missing "id"';
  const m = ID.exec(x.id);
  if (!m || m[1] !== x.type) return `id '${x.id.slice(0, 80)}' is not ${x.type}--<uuid>`;
  if (x.type === 'relationship' && (typeof x.source_ref !== 'string' || typeof x.target_ref !== 'string' || typeof x.relationship_type !== 'string')) {
    return 'relationship without source_ref, target_ref and relationship_type';
  }
  if (x.type === 'sighting' && typeof x.sighting_of_ref !== 'string') return 'sighting without sighting_of_ref';
  if (x.type === 'indicator' && typeof x.pattern !== 'string') return 'indicator without a pattern';
  for (const f of ['valid_from', 'valid_until', 'first_seen', 'last_seen']) {
    if (x[f] !== undefined && Number.isNaN(parseTime(x[f]))) return `${f} is not a timestamp: '${String(x[f]).slice(0, 40)}'`;
  }
  return null;
}
