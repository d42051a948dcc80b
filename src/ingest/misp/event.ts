// One MISP event → rows: the event as a 'report' intel object (raw JSON keeps every attribute),
// galaxy clusters as intel objects, indicator attributes (also inside MISP objects) as indicators.
import type { Reject, Tlp } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import { cleanSource, indicatorRow, parseTime } from '../iocs/indicator-row.ts';
import { strictest } from '../iocs/tlp.ts';
import { attributeIndicators, isIndicatorType } from './attributes.ts';
import { galaxyObjects, tagNames, tagsTlp } from './galaxy.ts';

type Obj = Record<string, unknown>;
export interface EventRows { intel_objects: Row[]; indicators: Row[]; read: number; rejects: Reject[] }
export interface EventOptions { file: string; source?: string; tlp: Tlp; index: number }

/** Links to write-ups and internal references are sources, not indicators (matching them flags readers). */
const REFERENCE_CATEGORIES = new Set(['External analysis', 'Internal reference', 'Antivirus detection']);
/**
 * Attributes the producer did not flag for detection (to_ids false) are still indicators — many vendors
 * publish every attribute that way — but weak ones: low confidence and a label saying so.
 */
const NOT_FOR_IDS_CONFIDENCE = 15;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function attributesOf(ev: Obj): Obj[] {
  const direct = Array.isArray(ev.Attribute) ? (ev.Attribute as Obj[]) : [];
  const inObjects = (Array.isArray(ev.Object) ? (ev.Object as Obj[]) : [])
    .flatMap((o) => (Array.isArray(o.Attribute) ? (o.Attribute as Obj[]).map((a) => ({ ...a, _object: o.name })) : []));
  return [...direct, ...inObjects];
}

export function eventRows(ev: Obj, opts: EventOptions): EventRows {
  const attrs = attributesOf(ev);
  const out: EventRows = { intel_objects: [], indicators: [], read: 1 + attrs.length, rejects: [] };
  const where = `Event[${opts.index}]`;
  if (!UUID.test(String(ev.uuid ?? '')) || typeof ev.info !== 'string') {
    out.rejects.push({ file: opts.file, reason: `${where}: MISP event without uuid and info — event and its ${attrs.length} attributes skipped` });
    for (let i = 0; i < attrs.length; i++) out.rejects.push({ file: opts.file, reason: `${where}.Attribute[${i}]: its event was rejected` });
    return out;
  }
  const orgc = (ev.Orgc as Obj | undefined)?.name;
  const source = cleanSource(opts.source ?? (orgc ? `misp:${String(orgc)}` : opts.file.split('/').pop()!));
  const eventTags = tagNames(ev);
  const tlp = tagsTlp(eventTags) ?? opts.tlp;
  const galaxy = galaxyObjects(ev, source, tlp);
  const actor = galaxy.actorIds.length === 1 ? galaxy.actorIds[0] : null;
  out.intel_objects.push(
    { id: `report--${String(ev.uuid)}`, type: 'report', name: ev.info, aliases: [], external_ids: [], actor: null, tlp, source, raw: ev },
    ...galaxy.rows,
  );
  const labelsOfEvent = eventTags.filter((t) => !/^tlp:/i.test(t));
  attrs.forEach((a, i) => {
    const type = String(a.type ?? '');
    if (!isIndicatorType(type) || REFERENCE_CATEGORIES.has(String(a.category ?? ''))) return; // context: kept in raw
    const forIds = !(a.to_ids === false || a.to_ids === '0' || a.to_ids === 0);
    const inds = attributeIndicators(type, String(a.value ?? ''));
    if (typeof inds === 'string') { out.rejects.push({ file: opts.file, reason: `${where}.Attribute[${i}] ${String(a.uuid ?? '')}: ${inds}` }); return; }
    const attrTags = tagNames(a);
    const attrGalaxy = galaxyObjects(a, source, tlp);
    out.intel_objects.push(...attrGalaxy.rows);
    const meta = {
      source, tlp: strictest([tlp, tagsTlp(attrTags)])!, confidence: forIds ? null : NOT_FOR_IDS_CONFIDENCE,
      intrusion_set: attrGalaxy.actorIds.length === 1 ? attrGalaxy.actorIds[0] : actor,
      labels: [String(a.category ?? ''), ...(forIds ? [] : ['misp:to_ids=false']),
        ...(a._object ? [`object:${String(a._object)}`] : []), ...labelsOfEvent,
        ...attrTags.filter((t) => !/^tlp:/i.test(t))].filter(Boolean),
      first_seen: parseTime(a.first_seen) || null, last_seen: parseTime(a.last_seen) || null,
    };
    out.indicators.push(...inds.map((ind) => indicatorRow(ind, meta)));
  });
  return out;
}
