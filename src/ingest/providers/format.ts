// Provider directory (ASN, name, country, contacts, time zone) → `providers`.
import { isValidZone } from '../../core/time.ts';
import { exportFormat, RowRejected, type ExportSpec, type RowInput } from '../provider-records/export-format.ts';
import type { FieldSpec } from '../provider-records/columns.ts';
import { required } from '../provider-records/values.ts';

export const PROVIDER_FIELDS: FieldSpec[] = [
  { name: 'asn', required: true, aliases: ['as', 'as_number', 'autonomous_system'] },
  { name: 'name', required: true, aliases: ['provider', 'provider_name', 'org', 'organisation', 'organization', '事業者名'] },
  { name: 'country', aliases: ['cc', 'country_code', '国'] },
  { name: 'abuse_contact', aliases: ['abuse', 'abuse_email', 'abuse_mailbox'] },
  { name: 'legal_contact', aliases: ['legal', 'legal_email', 'law_enforcement_contact', 'le_contact'] },
  { name: 'tz', aliases: ['timezone', 'time_zone', 'zone'] },
];

export function buildProvider({ get }: RowInput) {
  const asnText = required(get('asn'), 'asn').replace(/^as/i, '');
  const asn = Number(asnText);
  if (!Number.isInteger(asn) || asn < 0 || asn > 4294967295) throw new RowRejected(`asn '${get('asn')}' is not an AS number`);
  const tz = get('tz') ?? 'UTC';
  if (!isValidZone(tz)) throw new RowRejected(`tz '${tz}' is not an IANA time zone`);
  return {
    asn, name: required(get('name'), 'name'), country: get('country')?.toUpperCase() ?? null,
    abuse_contact: get('abuse_contact') ?? null, legal_contact: get('legal_contact') ?? null, tz,
  };
}

export const providersSpec: ExportSpec = {
  name: 'providers', table: 'providers', fields: PROVIDER_FIELDS, signature: ['asn', 'name'], build: buildProvider,
};

export const providersFormat = exportFormat(providersSpec);
