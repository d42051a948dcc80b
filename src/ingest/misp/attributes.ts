// MISP attribute types → indicator values. Composite types (ip-dst|port, filename|sha256, domain|ip)
// give the parts that are indicators. Types not listed are context, kept in the event's raw JSON only.
import type { IndicatorType } from '../../core/types.ts';
import { normaliseIndicator, type NormalIndicator } from '../iocs/normalise.ts';

type Hint = IndicatorType | 'ip' | 'hash';
/** For each MISP type, the hint of each `|`-separated part (null = not an indicator part). */
const TYPES: Record<string, Array<Hint | null>> = {
  'ip-src': ['ip'], 'ip-dst': ['ip'], 'ip-src|port': ['ip', null], 'ip-dst|port': ['ip', null],
  domain: ['domain'], hostname: ['domain'], 'domain|ip': ['domain', 'ip'], 'hostname|port': ['domain', null],
  url: ['url'], uri: [null], link: [null],
  md5: ['md5'], sha1: ['sha1'], sha256: ['sha256'],
  'filename|md5': [null, 'md5'], 'filename|sha1': [null, 'sha1'], 'filename|sha256': [null, 'sha256'],
  'email-src': ['email'], 'email-dst': ['email'], email: ['email'], 'whois-registrant-email': ['email'],
  'x509-fingerprint-sha1': ['sha1'], 'ja3-fingerprint-md5': ['ja3'],
};

export function isIndicatorType(mispType: string): boolean {
  return TYPES[mispType]?.some((h) => h !== null) ?? false;
}

/** Indicators in one attribute value, or a reason the value does not fit its declared type. */
export function attributeIndicators(mispType: string, value: string): NormalIndicator[] | string {
  const hints = TYPES[mispType];
  if (!hints) return [];
  const parts = hints.length > 1 ? value.split('|') : [value];
  if (parts.length !== hints.length) return `${mispType} value should have ${hints.length} '|'-separated parts: '${value.slice(0, 80)}'`;
  const out: NormalIndicator[] = [];
  for (let i = 0; i < hints.length; i++) {
    const hint = hints[i];
    if (!hint) continue;
    if (hint === 'ja3') {
      if (!/^[0-9a-f]{32}$/i.test(parts[i])) return `ja3-fingerprint-md5 is not 32 hex digits: '${parts[i]}'`;
      out.push({ type: 'ja3', value: parts[i].toLowerCase(), ip: null });
      continue;
    }
    const ind = normaliseIndicator(parts[i], hint);
    if (typeof ind === 'string') return `${mispType}: ${ind}`;
    out.push(ind);
  }
  return out;
}
