// Header names an IOC CSV may use for each field (abuse.ch feeds, vendor exports, hand-made lists).
export type IocField = 'value' | 'type' | 'source' | 'tlp' | 'valid_from' | 'valid_until' | 'actor' | 'label' | 'confidence' | 'first_seen' | 'last_seen';

const NAMES: Record<IocField, string[]> = {
  value: ['value', 'indicator', 'ioc', 'observable', 'ip', 'ip_address', 'dst_ip', 'domain', 'hostname', 'url', 'hash',
    'sha256_hash', 'sha1_hash', 'md5_hash', 'sha256', 'md5', 'sha1', 'dstip', 'ioc_value'],
  type: ['type', 'indicator_type', 'ioc_type', 'kind'],
  source: ['source', 'feed', 'reporter'],
  tlp: ['tlp', 'marking'],
  valid_from: ['valid_from', 'validfrom', 'from'],
  valid_until: ['valid_until', 'validuntil', 'until', 'expires', 'expiry'],
  actor: ['group', 'actor', 'threat_actor', 'intrusion_set', 'apt'],
  label: ['label', 'labels', 'tags', 'tag', 'malware', 'threat', 'malware_family', 'malware_printable'],
  confidence: ['confidence', 'score', 'confidence_level'],
  first_seen: ['first_seen', 'first_seen_utc', 'dateadded', 'date_added', 'firstseen'],
  last_seen: ['last_seen', 'last_online', 'lastseen', 'last_seen_utc'],
};

/** `# Dateadded (UTC)` → `dateadded`: case, a comment mark, a time-zone note and spacing do not matter. */
function normalise(cells: string[]): string[] {
  return cells.map((c) => c.trim().toLowerCase().replace(/^#\s*/, '').replace(/\s*\((utc|gmt)\)$/, '').replace(/[\s-]+/g, '_'));
}

/** Maps header cells to fields; the first matching column wins per field. Null when no value column. */
export function mapHeader(cells: string[]): Partial<Record<IocField, number>> | null {
  const norm = normalise(cells);
  const out: Partial<Record<IocField, number>> = {};
  for (const field of Object.keys(NAMES) as IocField[]) {
    for (const name of NAMES[field]) {
      const i = norm.indexOf(name);
      if (i >= 0 && !Object.values(out).includes(i)) { out[field] = i; break; }
    }
  }
  return out.value === undefined ? null : out;
}

const STRONG = new Set(['value', 'indicator', 'ioc', 'observable', 'type', 'indicator_type', 'ioc_type', 'tlp', 'valid_from',
  'valid_until', 'threat', 'malware', 'malware_family', 'confidence', 'threat_actor', 'intrusion_set', 'apt']);

/** How sure a header makes us that the CSV is an IOC list: generic columns alone (ip, domain…) are weak. */
export function headerStrength(cells: string[]): number {
  if (!mapHeader(cells)) return 0;
  const norm = normalise(cells);
  return norm.some((c) => STRONG.has(c)) ? 0.7 : 0.3;
}
