// One orgs-directory entry → an `orgs` row plus one `org_networks` row per IPv4 CIDR (IPv6 networks stay
// in orgs.networks only; the ingest matcher handles them in JS).
import { cidrRangeV4, parseCidr } from '../../core/ip.ts';
import type { Row } from '../../store/store.ts';

export interface OrgInput {
  id?: string; name?: string; sector?: string; country?: string;
  networks: string[]; contacts: string[]; sensors: string[];
}

export interface OrgRows { org: Row; networks: Row[] }

/** Splits a list cell: `;`-separated when it has a `;`, else whitespace-separated. */
export function splitList(text: string | undefined, semicolonOnly = false): string[] {
  if (!text) return [];
  const parts = text.includes(';') || semicolonOnly ? text.split(';') : text.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function buildOrg(input: OrgInput): OrgRows | string {
  const id = input.id?.trim();
  if (!id) return 'missing org id';
  const name = input.name?.trim();
  if (!name) return `org ${id}: missing name`;
  const networks: string[] = [];
  const rows: Row[] = [];
  for (const text of input.networks) {
    const cidr = parseCidr(text);
    if (!cidr) return `org ${id}: invalid CIDR '${text}'`;
    if (networks.includes(cidr.text)) continue;
    networks.push(cidr.text);
    if (cidr.version === 4) {
      const [lo, hi] = cidrRangeV4(cidr);
      rows.push({ org: id, cidr: cidr.text, lo, hi });
    }
  }
  const country = input.country?.trim().toUpperCase() || null;
  return {
    org: { id, name, sector: input.sector?.trim() || null, country, contacts: input.contacts, networks, sensors: input.sensors },
    networks: rows,
  };
}
