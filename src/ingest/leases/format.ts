// Provider lease exports (which account held which IP / server from when to when) → `leases`.
// Times are in the provider's zone (--tz) unless written with an offset; stored as UTC seconds.
// An impossible date, or an end before the start, rejects that row (with its line number).
import { exportFormat, RowRejected, type ExportSpec, type RowInput } from '../provider-records/export-format.ts';
import type { FieldSpec } from '../provider-records/columns.ts';
import { ipField, providerField, required, timeField } from '../provider-records/values.ts';

export const LEASE_FIELDS: FieldSpec[] = [
  { name: 'provider', aliases: ['provider_name', '事業者'] },
  { name: 'ip', required: true, aliases: ['ip_address', 'address', 'ipv4', 'ipアドレス', '割当ip'] },
  { name: 'start', required: true, aliases: ['start_time', 'starts', 'from', 'valid_from', 'assigned_at', 'lease_start', '開始日時', '利用開始'] },
  { name: 'end', aliases: ['end_time', 'ends', 'to', 'until', 'valid_until', 'released_at', 'lease_end', '終了日時', '利用終了'] },
  { name: 'account_id', required: true, aliases: ['account', 'customer_id', 'customer', '顧客id', '顧客番号', '契約者id'] },
  { name: 'server_id', aliases: ['server', 'instance', 'instance_id', 'vps_id', 'host', 'サーバid', 'サーバー'] },
];

export function buildLease({ get, options }: RowInput) {
  const start = timeField(required(get('start'), 'start'), 'start', options.tz)!;
  const end = timeField(get('end'), 'end', options.tz);
  if (end !== null && end < start) throw new RowRejected(`end ${get('end')} is before start ${get('start')}`);
  return {
    provider: providerField(get('provider'), options.provider),
    ip: ipField(required(get('ip'), 'ip'), 'ip'),
    start,
    end,
    account_id: required(get('account_id'), 'account_id'),
    server_id: get('server_id') ?? null,
  };
}

export const leasesSpec: ExportSpec = {
  name: 'leases', table: 'leases', fields: LEASE_FIELDS, signature: ['ip', 'start', 'account_id'],
  fromOptions: ['provider'], build: buildLease,
};

export const leasesFormat = exportFormat(leasesSpec);
