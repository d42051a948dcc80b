// Offline enrichment: IP → ASN, AS name, country, provider. The provider directory (user-editable, e.g. the
// simulator's providers.csv) takes precedence over the public IP-to-ASN data for the blocks it lists.
import { cidrContains, isPrivate, parseCidr, parseIp, type ParsedIp } from '../core/ip.ts';
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

export function createEnricher(opts: EnricherOptions = {}): Enricher {
  const entries = [...(opts.providers ?? []), ...(opts.providersCsv ? readProvidersCsv(opts.providersCsv) : [])];
  const dir = providerDirectory(entries);
  const data = opts.asnData === false ? null : loadAsnData(opts);
  return {
    dataAsOf: data ? `IP-to-ASN data as of ${data.asOf}` : 'no public IP-to-ASN data loaded',
    lookup: (ip) => lookup(ip, dir, data),
  };
}

function lookup(text: string, dir: ProviderDirectory, data: AsnData | null): EnrichResult | null {
  const ip = parseIp(text);
  if (!ip) return null;
  const block = dir.blocks.find((b) => cidrContains(b.cidr, ip));
  if (block) return fromProvider(ip.text, block.provider, block.provider.name, 'directory');
  const usable = data && !isReserved(ip) ? data : null; // public data says nothing true about private/documentation space
  const hit = usable ? asnOf(usable, ip) : null;
  const asn = hit?.asn ?? null, asName = hit?.name ?? null;
  const country = usable ? countryOf(usable, ip) : null;
  const p = asn != null ? dir.byAsn.get(asn) : undefined;
  if (p) return { ...fromProvider(ip.text, p, asName ?? p.name, 'directory'), country: p.country || country };
  return { ip: ip.text, asn, as_name: asName, country, provider: null, abuse_contact: null, legal_contact: null, tz: null, source: asn != null ? 'asn-data' : 'none' };
}

const RESERVED = ['0.0.0.0/8', '192.0.0.0/24', '192.0.2.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3',
  '2001:db8::/32', 'ff00::/8', '::/128'].map((c) => parseCidr(c)!);

function isReserved(ip: ParsedIp): boolean {
  return isPrivate(ip) || RESERVED.some((c) => cidrContains(c, ip));
}

function asnOf(data: AsnData, ip: ParsedIp): { asn: number; name: string } | null {
  const i = ip.version === 4 ? findV4(data.v4, Number(ip.value)) : findV6(data.v6, ip.value);
  if (i < 0) return null;
  const e = ip.version === 4 ? data.v4.values[i] : data.v6.values[i];
  return { asn: data.asns[e], name: data.names[e] };
}

function countryOf(data: AsnData, ip: ParsedIp): string | null {
  const i = ip.version === 4 ? (data.c4 ? findV4(data.c4, Number(ip.value)) : -1) : (data.c6 ? findV6(data.c6, ip.value) : -1);
  if (i < 0) return null;
  return data.countries[ip.version === 4 ? data.c4!.values[i] : data.c6!.values[i]];
}

function fromProvider(ip: string, p: ProviderEntry, asName: string, source: EnrichResult['source']): EnrichResult {
  return { ip, asn: p.asn, as_name: asName, country: p.country || null, provider: p.name, abuse_contact: p.abuse_contact || null,
    legal_contact: p.legal_contact || null, tz: p.tz || null, source };
}

export { readProvidersCsv, type ProviderEntry } from './providers.ts';
