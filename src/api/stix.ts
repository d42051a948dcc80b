// TAXII's STIX 2.1 objects: one indicator per row of the indicators table (intel shared with partners, paged
// by date added), marked with the TLP 2.0 marking definitions of src/sinks/stix. Case exports (analyzer
// findings, sightings, actors) are built by src/sinks instead; see routes/exports.ts.
import { stixId } from '../core/ids.ts';
import { TLP_MARKING_IDS } from '../sinks/stix/markings.ts';
import { normalizeTlp } from './tlp.ts';

/** The published TLP 2.0 marking-definition ids (OASIS TLP 2.0 extension). */
export const TLP_MARKING = TLP_MARKING_IDS;

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
