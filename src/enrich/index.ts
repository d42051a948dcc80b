// Offline enrichment: IP → ASN, AS name, country, provider. The provider directory (user-editable, e.g. the
// simulator's providers.csv) takes precedence over the public IP-to-ASN data for the blocks it lists.
// IPv4 takes a number-only path (no BigInt) because bulk enrichment is IPv4-heavy.
import { cidrContains, cidrRangeV4, isPrivate, parseCidr, parseIp, v4ToText, type ParsedIp } from '../core/ip.ts';
import { loadAsnData, type AsnData, type AsnDataOptions } from './asn-data.ts';
import { providerDirectory, readProvidersCsv, type ProviderDirectory, type ProviderEntry } from './providers.ts';
import { findV4, findV6 } from './range-index.ts';

export interface EnrichResult {
  ip: string; asn: number | null; as_name: string | null; country: string | null; provider: string | null;
  abuse_contact: string | null; legal_contact: string | null; tz: string | null; source: 'directory' | 'asn-data' | 'none';
}

export interface EnricherOptions extends AsnDataOptions {
  providersCsv?: string;
  providers?: ProviderEntry[];
  /** false: directory only (no public data loaded) — for tests and the simulator. */
  asnData?: boolean;
}

export interface Enricher { lookup(ip: string): EnrichResult | null; readonly dataAsOf: string }

const RESERVED = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3', '2001:db8::/32', 'ff00::/8', '::/128']
  .map((c) => parseCidr(c)!);
const RESERVED_V4 = RESERVED.filter((c) => c.version === 4).map(cidrRangeV4);
const RESERVED_V6 = RESERVED.filter((c) => c.version === 6);

export function createEnricher(opts: EnricherOptions = {}): Enricher {
  const entries = [...(opts.providers ?? []), ...(opts.providersCsv ? readProvidersCsv(opts.providersCsv) : [])];
  const dir = providerDirectory(entries);
  const dirV4 = dir.blocks.filter((b) => b.cidr.version === 4).map((b) => ({ range: cidrRangeV4(b.cidr), provider: b.provider }));
  const data = opts.asnData === false ? null : loadAsnData(opts);
  const result = (ip: string, asn: number | null, asName: string | null, country: string | null): EnrichResult => {
    const p = asn != null ? dir.byAsn.get(asn) : undefined;
    if (p) return { ...fromProvider(ip, p, asName ?? p.name), country: p.country || country };
    return { ip, asn, as_name: asName, country, provider: null, abuse_contact: null, legal_contact: null, tz: null, source: asn != null ? 'asn-data' : 'none' };
  };
  const lookupV4 = (n: number): EnrichResult => {
    const ip = v4ToText(n);
    const block = dirV4.find((b) => b.range[0] <= n && n <= b.range[1]);
    if (block) return fromProvider(ip, block.provider, block.provider.name);
    if (!data || RESERVED_V4.some(([lo, hi]) => lo <= n && n <= hi)) return result(ip, null, null, null);
    const i = findV4(data.v4, n);
    const c = data.c4 ? findV4(data.c4, n) : -1;
    const country = c >= 0 ? data.countries[data.c4!.values[c]] : null;
    return i >= 0 ? result(ip, data.asns[data.v4.values[i]], data.names[data.v4.values[i]], country) : result(ip, null, null, country);
  };
  const lookupV6 = (ip: ParsedIp): EnrichResult => {
    const block = dir.blocks.find((b) => cidrContains(b.cidr, ip));
    if (block) return fromProvider(ip.text, block.provider, block.provider.name);
    if (!data || isPrivate(ip) || RESERVED_V6.some((c) => cidrContains(c, ip))) return result(ip.text, null, null, null);
    return v6FromData(data, ip, result);
  };
  return {
    dataAsOf: data ? `IP-to-ASN data as of ${data.asOf}` : 'no public IP-to-ASN data loaded',
    lookup(text: string): EnrichResult | null {
      const n = quickV4(text);
      if (n != null) return lookupV4(n);
      const ip = parseIp(text);
      if (!ip) return null;
      return ip.version === 4 ? lookupV4(Number(ip.value)) : lookupV6(ip);
    },
  };
}

/** Dotted-quad → number without a regex (strict: no leading zeros, octets ≤ 255); null otherwise. */
export function quickV4(s: string): number | null {
  let n = 0, octet = 0, digits = 0, dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return null; // leading zero
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return null;
    } else if (c === 46 && digits > 0 && dots < 3) {
      n = n * 256 + octet; octet = 0; digits = 0; dots++;
    } else return null;
  }
  return dots === 3 && digits > 0 ? n * 256 + octet : null;
}

function v6FromData(data: AsnData, ip: ParsedIp, result: (ip: string, asn: number | null, n: string | null, c: string | null) => EnrichResult): EnrichResult {
  const i = findV6(data.v6, ip.value);
  const c = data.c6 ? findV6(data.c6, ip.value) : -1;
  const country = c >= 0 ? data.countries[data.c6!.values[c]] : null;
  return i >= 0 ? result(ip.text, data.asns[data.v6.values[i]], data.names[data.v6.values[i]], country) : result(ip.text, null, null, country);
}

function fromProvider(ip: string, p: ProviderEntry, asName: string): EnrichResult {
  return { ip, asn: p.asn, as_name: asName, country: p.country || null, provider: p.name, abuse_contact: p.abuse_contact || null,
    legal_contact: p.legal_contact || null, tz: p.tz || null, source: 'directory' };
}

export { readProvidersCsv, type ProviderEntry } from './providers.ts';
export type { ProviderDirectory };
