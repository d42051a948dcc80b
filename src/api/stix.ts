// Minimal valid STIX 2.1 indicators from the indicators table, with the standard TLP 2.0 marking
// definitions. Used by TAXII and by the STIX export when no src/sinks/stix writer is present.
import { stixId } from '../core/ids.ts';
import type { Tlp } from '../core/types.ts';
import { normalizeTlp } from './tlp.ts';

/** The published TLP 2.0 marking-definition ids (OASIS TLP 2.0 extension). */
export const TLP_MARKING: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export interface IndicatorRow {
  id: string; type: string; value: string; tlp: string; confidence: number | null; valid_from: number | null; valid_until: number | null;
  intrusion_set: string | null; labels: string | null; first_seen: number | null; last_seen: number | null; added: number;
}

export function iso(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString();
}

function quote(v: string): string {
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function stixPattern(type: string, value: string): string {
  const q = quote(value);
  switch (type) {
    case 'ipv4': return `[ipv4-addr:value = ${q}]`;
    case 'ipv6': return `[ipv6-addr:value = ${q}]`;
    case 'cidr': return value.includes(':') ? `[ipv6-addr:value = ${q}]` : `[ipv4-addr:value = ${q}]`;
    case 'domain': return `[domain-name:value = ${q}]`;
    case 'url': return `[url:value = ${q}]`;
    case 'email': return `[email-addr:value = ${q}]`;
    case 'md5': return `[file:hashes.MD5 = ${q}]`;
    case 'sha1': return `[file:hashes.'SHA-1' = ${q}]`;
    case 'sha256': return `[file:hashes.'SHA-256' = ${q}]`;
    case 'ja3': return `[x-ja3-fingerprint:value = ${q}]`;
    default: return `[x-hoptrace-observable:value = ${q}]`;
  }
}

export function indicatorObject(r: IndicatorRow): Record<string, unknown> {
  const created = iso(r.added);
  const validFrom = r.valid_from ?? r.first_seen ?? r.added;
  const labels: string[] = r.labels ? JSON.parse(r.labels) : [];
  return {
    type: 'indicator', spec_version: '2.1', id: stixId('indicator', `${r.type}|${r.value}`),
    created, modified: created, name: r.value,
    indicator_types: ['malicious-activity'],
    pattern: stixPattern(r.type, r.value), pattern_type: 'stix',
    valid_from: iso(validFrom),
    ...(r.valid_until != null && r.valid_until > validFrom ? { valid_until: iso(r.valid_until) } : {}),
    ...(r.confidence != null ? { confidence: Math.max(0, Math.min(100, Math.round(r.confidence))) } : {}),
    ...(labels.length ? { labels } : {}),
    ...(r.intrusion_set ? { x_hoptrace_intrusion_set: r.intrusion_set } : {}),
    object_marking_refs: [TLP_MARKING[normalizeTlp(r.tlp)]],
  };
}

export function tlpMarkingObject(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition', spec_version: '2.1', id: TLP_MARKING[tlp], created: '2022-10-01T00:00:00.000Z', name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}

export function bundle(objects: Array<Record<string, unknown>>): Record<string, unknown> {
  const markings = new Set(objects.flatMap((o) => (o.object_marking_refs as string[] | undefined) ?? []));
  const defs = (Object.keys(TLP_MARKING) as Tlp[]).filter((t) => markings.has(TLP_MARKING[t])).map(tlpMarkingObject);
  const key = objects.map((o) => o.id).join(',');
  return { type: 'bundle', id: stixId('bundle', key), objects: [...defs, ...objects] };
}
