// The provider directory: ASN → provider name, abuse/legal contacts, country, time zone, plus the address
// blocks the provider announces. Loaded from a user-editable CSV (asn,name,country,abuse_contact,
// legal_contact,tz,cidrs with ';'-separated CIDRs — the simulator writes one) or given as records.
import { readFileSync } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { parseCidr, type Cidr } from '../core/ip.ts';
import type { Provider } from '../core/types.ts';
import { splitCsvLine } from '../ingest/iocs/csv.ts';

export interface ProviderEntry extends Provider { cidrs: string[] }
export interface ProviderDirectory { byAsn: Map<number, ProviderEntry>; blocks: Array<{ cidr: Cidr; provider: ProviderEntry }> }

export function providerDirectory(entries: ProviderEntry[]): ProviderDirectory {
  const dir: ProviderDirectory = { byAsn: new Map(), blocks: [] };
  for (const p of entries) {
    dir.byAsn.set(p.asn, p);
    for (const c of p.cidrs) {
      const cidr = parseCidr(c);
      if (cidr) dir.blocks.push({ cidr, provider: p });
    }
  }
  dir.blocks.sort((a, b) => b.cidr.bits - a.cidr.bits); // most specific first
  return dir;
}

export function readProvidersCsv(path: string): ProviderEntry[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '')?.map((h) => h.trim().toLowerCase()) ?? [];
  const col = (name: string) => header.indexOf(name);
  if (col('asn') < 0 || col('name') < 0) throw new InputError('provider directory needs columns asn,name[,country,abuse_contact,legal_contact,tz,cidrs]', path, { line: 1 });
  const out: ProviderEntry[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = splitCsvLine(line);
    const get = (name: string) => (col(name) >= 0 ? (cells?.[col(name)] ?? '').trim() : '');
    const asn = Number(get('asn').replace(/^as/i, ''));
    if (!cells || !Number.isInteger(asn) || asn < 0) throw new InputError(`not a provider row (asn '${get('asn')}')`, path, { line: i + 2 });
    const cidrs = get('cidrs').split(/[;\s|]+/).filter(Boolean);
    const bad = cidrs.find((c) => !parseCidr(c));
    if (bad) throw new InputError(`'${bad}' is not a CIDR`, path, { line: i + 2 });
    out.push({ asn, name: get('name'), country: get('country').toUpperCase(), abuse_contact: get('abuse_contact'),
      legal_contact: get('legal_contact'), tz: get('tz') || 'UTC', cidrs });
  });
  return out;
}
