// The orgs directory (victims, their networks and sensors) and the provider/ASN table for offline enrichment.
// List-valued cells hold values separated by ';'.
import { PROVIDERS } from './internet.ts';
import type { ManifestEntry } from './manifest.ts';
import type { VictimOrg } from './orgs.ts';
import { writeCsv } from './provider-export.ts';

export function writeDirectory(outDir: string, orgs: VictimOrg[]): ManifestEntry[] {
  const orgRows = orgs.map((o) => [o.id, o.name, o.sector, o.country,
    [o.publicCidr, o.privateCidr, o.v6Cidr].filter((x): x is string => !!x).join(';'), o.contacts.join(';'), o.sensors.map((s) => s.id).join(';')]);
  const n1 = writeCsv(`${outDir}/directory/orgs.csv`, ['id', 'name', 'sector', 'country', 'networks', 'contacts', 'sensors'], orgRows);
  const provRows = PROVIDERS.map((p) => [String(p.asn), p.name, p.country, p.abuse, p.legal, p.tz, p.cidrs.join(';')]);
  const n2 = writeCsv(`${outDir}/directory/providers.csv`, ['asn', 'name', 'country', 'abuse_contact', 'legal_contact', 'tz', 'cidrs'], provRows);
  return [
    { path: 'directory/orgs.csv', format: 'orgs', rows: n1, note: 'victim orgs; networks/contacts/sensors are ;-separated' },
    { path: 'directory/providers.csv', format: 'providers', rows: n2, note: 'simulated ASN/provider table (documentation ASNs and address space only)' },
  ];
}
