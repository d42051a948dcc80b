// A STIX bundle (2.1, or 2.0 upgraded) → rows: every object in intel_objects, relationships in
// intel_relations, sightings in sightings, indicator patterns in indicators.
import type { Reject, Tlp } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import type { TableName } from '../../store/schema.ts';
import { cleanSource, indicatorRow, parseTime } from '../iocs/indicator-row.ts';
import { aliasesOf, externalIds, invalidReason, markingTlp, nameOf, objectTlp, type Obj } from './objects.ts';
import { parsePattern } from './pattern.ts';
import { tiesToIntrusionSets } from './ties.ts';
import { isStix20, upgradeObject } from './upgrade.ts';

export interface BundleOptions { file: string; source?: string; tlp: Tlp; bundleVersion?: string }
export interface BundleRows { rows: Partial<Record<TableName, Row[]>>; read: number; rejects: Reject[]; upgraded: number }

export function bundleRows(objects: unknown[], opts: BundleOptions): BundleRows {
  const rejects: Reject[] = [];
  const good: Obj[] = [];
  let upgraded = 0;
  objects.forEach((raw, i) => {
    const bad = invalidReason(raw);
    const where = `objects[${i}]${raw && typeof (raw as Obj).id === 'string' ? ` (${(raw as Obj).id})` : ''}`;
    if (bad) { rejects.push({ file: opts.file, reason: `${where}: ${bad}`, raw: JSON.stringify(raw)?.slice(0, 200) }); return; }
    let o = raw as Obj;
    if (o.spec_version !== undefined && o.spec_version !== '2.0' && o.spec_version !== '2.1') {
      rejects.push({ file: opts.file, reason: `${where}: unsupported spec_version '${String(o.spec_version)}'` });
      return;
    }
    if (isStix20(o, opts.bundleVersion)) {
      const up = upgradeObject(o);
      if (typeof up === 'string') { rejects.push({ file: opts.file, reason: `${where}: cannot upgrade to 2.1: ${up}` }); return; }
      o = up;
      upgraded++;
    }
    good.push(o);
  });
  const rows = convert(good, opts);
  return { rows, read: objects.length, rejects, upgraded };
}

function convert(objs: Obj[], opts: BundleOptions): Partial<Record<TableName, Row[]>> {
  const byId = new Map(objs.map((o) => [String(o.id), o]));
  const markings = new Map<string, Tlp>();
  for (const o of objs) if (o.type === 'marking-definition') { const t = markingTlp(o); if (t) markings.set(String(o.id), t); }
  const creator = objs.map((o) => byId.get(String(o.created_by_ref ?? ''))).find((x) => x?.type === 'identity');
  const source = cleanSource(opts.source ?? (typeof creator?.name === 'string' ? creator.name : opts.file.split('/').pop()!));
  const ties = tiesToIntrusionSets(objs);
  const out = { intel_objects: [] as Row[], intel_relations: [] as Row[], sightings: [] as Row[], indicators: [] as Row[] };
  for (const o of objs) {
    const tlp = objectTlp(o, markings, opts.tlp);
    out.intel_objects.push({
      id: o.id, type: o.type, name: nameOf(o), aliases: aliasesOf(o), external_ids: externalIds(o),
      actor: null, tlp, source, raw: o,
    });
    if (o.type === 'relationship') {
      out.intel_relations.push({ source_ref: o.source_ref, relationship_type: o.relationship_type, target_ref: o.target_ref, source });
    } else if (o.type === 'sighting') {
      out.sightings.push(...sightingRows(o, byId, source, tlp));
    } else if (o.type === 'indicator') {
      out.indicators.push(...indicatorRows(o, source, tlp, ties.get(String(o.id)) ?? null));
    }
  }
  return out;
}

/** Indicator rows of one (already validated) indicator object. */
function indicatorRows(o: Obj, source: string, tlp: Tlp, intrusionSet: string | null): Row[] {
  const validFrom = parseTime(o.valid_from), validUntil = parseTime(o.valid_until);
  const labels = [...((o.labels as string[]) ?? []), ...((o.indicator_types as string[]) ?? [])];
  const meta = {
    source, tlp, confidence: typeof o.confidence === 'number' ? o.confidence : null, valid_from: validFrom,
    valid_until: validUntil, intrusion_set: intrusionSet, labels,
  };
  const patternType = String(o.pattern_type ?? 'stix');
  const parsed = patternType === 'stix' ? parsePattern(String(o.pattern)) : { indicators: [], unparsed: [`${patternType}: ${String(o.pattern)}`] };
  const rows = parsed.indicators.map((ind) => indicatorRow(ind, meta));
  for (const p of parsed.unparsed) rows.push(indicatorRow({ type: 'other', value: p, ip: null }, meta));
  return rows;
}

function sightingRows(o: Obj, byId: Map<string, Obj>, source: string, tlp: Tlp): Row[] {
  const where = Array.isArray(o.where_sighted_refs) ? (o.where_sighted_refs as string[]) : [];
  const orgs = where.length ? where.map((ref) => String(byId.get(ref)?.name ?? ref)) : [null];
  return orgs.map((org) => ({
    id: o.id, sighting_of_ref: o.sighting_of_ref, org, first_seen: parseTime(o.first_seen) || null,
    last_seen: parseTime(o.last_seen) || null, count: typeof o.count === 'number' ? o.count : 1, source, tlp,
  }));
}
