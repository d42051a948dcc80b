// Builders for the STIX 2.1 objects hoptrace exports. Ids are deterministic so a re-export updates
// objects instead of duplicating them; SCO ids follow the spec's UUIDv5 rule.
import { stixId, uuidv5 } from '../../core/ids.ts';
import { isoUtc } from '../../core/time.ts';
import type { IndicatorType, Tlp } from '../../core/types.ts';
import { TLP_MARKING_IDS, type StixObject } from './markings.ts';

/** The namespace STIX 2.1 §2.9 fixes for cyber-observable ids. */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Fixed creation time of objects whose content never changes (identities, markings). */
export const EPOCH = '2016-01-01T00:00:00.000Z';

export function scoId(type: string, contributing: Record<string, unknown>): string {
  const keys = Object.keys(contributing).sort();
  const canonical = `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(contributing[k])}`).join(',')}}`;
  return `${type}--${uuidv5(canonical, SCO_NAMESPACE)}`;
}

export function producerIdentity(name: string): StixObject {
  return {
    type: 'identity', spec_version: '2.1', id: stixId('identity', `producer|${name}`), created: EPOCH, modified: EPOCH,
    name, identity_class: 'organization', sectors: ['government'],
  };
}

export function orgIdentity(org: { id: string; name: string; sector?: string | null }): StixObject {
  return {
    type: 'identity', spec_version: '2.1', id: stixId('identity', `org|${org.id}`), created: EPOCH, modified: EPOCH,
    name: org.name, identity_class: 'organization', ...(org.sector ? { description: `sector: ${org.sector}` } : {}),
  };
}

const escapePattern = (v: string) => v.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

const OBSERVABLE: Partial<Record<IndicatorType, { sco: string; path: string; hash?: string }>> = {
  ipv4: { sco: 'ipv4-addr', path: 'value' }, ipv6: { sco: 'ipv6-addr', path: 'value' },
  cidr: { sco: 'ipv4-addr', path: 'value' }, domain: { sco: 'domain-name', path: 'value' },
  url: { sco: 'url', path: 'value' }, email: { sco: 'email-addr', path: 'value' },
  md5: { sco: 'file', path: 'hashes.MD5', hash: 'MD5' }, sha1: { sco: 'file', path: "hashes.'SHA-1'", hash: 'SHA-1' },
  sha256: { sco: 'file', path: "hashes.'SHA-256'", hash: 'SHA-256' },
};

export interface IndicatorInput {
  type: IndicatorType; value: string; tlp: Tlp; validFrom: number; validUntil?: number | null;
  name?: string; description?: string; confidence?: number | null; labels?: string[];
  createdBy: string; created?: number;
  /** Where the indicator comes from (analyzer and score) — exported as an external reference, not a custom property. */
  source?: { name: string; description: string };
}

/** An indicator with its observable linked by `based-on`; null for indicator types STIX cannot pattern. */
export function indicatorWithObservable(i: IndicatorInput): StixObject[] | null {
  const o = OBSERVABLE[i.type];
  if (!o) return null;
  const scoType = i.type === 'cidr' && i.value.includes(':') ? 'ipv6-addr' : o.sco;
  const markings = [TLP_MARKING_IDS[i.tlp]];
  const sco: StixObject = o.hash
    ? { type: 'file', spec_version: '2.1', id: scoId('file', { hashes: { [o.hash]: i.value } }), hashes: { [o.hash]: i.value } }
    : { type: scoType, spec_version: '2.1', id: scoId(scoType, { value: i.value }), value: i.value };
  sco.object_marking_refs = markings;
  const created = isoUtc(i.created ?? i.validFrom);
  const indicator: StixObject = {
    type: 'indicator', spec_version: '2.1', id: stixId('indicator', `${i.type}|${i.value}`), created_by_ref: i.createdBy,
    created, modified: created, name: i.name ?? `${i.type} ${i.value}`, indicator_types: ['malicious-activity'],
    pattern: `[${scoType}:${o.path} = '${escapePattern(i.value)}']`, pattern_type: 'stix', pattern_version: '2.1',
    valid_from: isoUtc(i.validFrom), object_marking_refs: markings,
  };
  if (i.validUntil != null && i.validUntil > i.validFrom) indicator.valid_until = isoUtc(i.validUntil);
  if (i.description) indicator.description = i.description;
  if (i.confidence != null) indicator.confidence = Math.max(0, Math.min(100, Math.round(i.confidence)));
  if (i.labels?.length) indicator.labels = i.labels;
  if (i.source) indicator.external_references = [{ source_name: i.source.name, description: i.source.description }];
  return [sco, indicator, relationship(indicator.id, 'based-on', sco.id, i.createdBy, created, i.tlp)];
}

export function relationship(source: string, type: string, target: string, createdBy: string, created: string, tlp: Tlp, description?: string): StixObject {
  return {
    type: 'relationship', spec_version: '2.1', id: stixId('relationship', `${source}|${type}|${target}`),
    created_by_ref: createdBy, created, modified: created, relationship_type: type, source_ref: source, target_ref: target,
    object_marking_refs: [TLP_MARKING_IDS[tlp]], ...(description ? { description } : {}),
  };
}

export function sighting(s: {
  of: string; where: string[]; firstSeen: number | null; lastSeen: number | null; count: number; createdBy: string; tlp: Tlp; key: string;
}): StixObject {
  const created = isoUtc(s.firstSeen ?? 0);
  const out: StixObject = {
    type: 'sighting', spec_version: '2.1', id: stixId('sighting', s.key), created_by_ref: s.createdBy, created, modified: created,
    sighting_of_ref: s.of, count: Math.max(0, Math.min(999_999_999, s.count)), object_marking_refs: [TLP_MARKING_IDS[s.tlp]],
  };
  if (s.where.length) out.where_sighted_refs = s.where;
  if (s.firstSeen != null) out.first_seen = isoUtc(s.firstSeen);
  if (s.lastSeen != null) out.last_seen = isoUtc(Math.max(s.lastSeen, s.firstSeen ?? s.lastSeen));
  return out;
}

export function report(r: { key: string; name: string; description: string; published: number; refs: string[]; createdBy: string; tlp: Tlp }): StixObject {
  const created = isoUtc(r.published);
  return {
    type: 'report', spec_version: '2.1', id: stixId('report', r.key), created_by_ref: r.createdBy, created, modified: created,
    name: r.name, description: r.description, report_types: ['threat-report'],
    published: created, object_refs: r.refs, object_marking_refs: [TLP_MARKING_IDS[r.tlp]],
  };
}
