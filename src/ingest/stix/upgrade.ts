// STIX 2.0 → 2.1 on the way in: spec_version on every object, is_family on malware, the 2.0 `labels`
// open vocabularies moved to their 2.1 *_types properties, pattern_type on indicators. Objects that
// cannot be upgraded faithfully are refused with a reason.
type Obj = Record<string, unknown>;

const TYPES_PROPERTY: Record<string, string> = {
  indicator: 'indicator_types', malware: 'malware_types', tool: 'tool_types', 'threat-actor': 'threat_actor_types',
  report: 'report_types',
};
const SCO_TYPES = new Set(['artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message',
  'file', 'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url',
  'user-account', 'windows-registry-key', 'x509-certificate']);

/** True when an object is STIX 2.0 (no spec_version on an SDO/SRO of a bundle without 2.1 marks). */
export function isStix20(o: Obj, bundleVersion: string | undefined): boolean {
  if (o.spec_version !== undefined) return o.spec_version === '2.0';
  if (bundleVersion === '2.0') return true;
  return !SCO_TYPES.has(String(o.type)) && o.type !== 'marking-definition';
}

/** Returns the 2.1 form of a 2.0 object, or a reason it cannot be upgraded. */
export function upgradeObject(o: Obj): Obj | string {
  const type = String(o.type);
  if (type === 'observed-data' && o.objects && !o.object_refs) {
    // 2.0 embedded observables are still readable; keep them (2.1 deprecates but allows `objects`).
  }
  const up: Obj = { ...o, spec_version: '2.1' };
  const tp = TYPES_PROPERTY[type];
  if (tp && Array.isArray(o.labels) && up[tp] === undefined) up[tp] = o.labels;
  if (type === 'malware' && up.is_family === undefined) up.is_family = true;
  if (type === 'indicator') {
    if (typeof o.pattern !== 'string') return 'STIX 2.0 indicator without a pattern';
    if (up.pattern_type === undefined) up.pattern_type = 'stix';
  }
  if (type === 'marking-definition' && o.definition_type === 'tlp' && !(o.definition as Obj | undefined)?.tlp) {
    return 'STIX 2.0 TLP marking-definition without definition.tlp';
  }
  if (type === 'sighting' && o.where_sighted_refs !== undefined && !Array.isArray(o.where_sighted_refs)) {
    return 'STIX 2.0 sighting whose where_sighted_refs is not a list';
  }
  return up;
}
