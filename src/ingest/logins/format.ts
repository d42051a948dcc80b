// Provider login / access logs (account, time, source IP, action) → `logins`.
import { exportFormat, type ExportSpec, type RowInput } from '../provider-records/export-format.ts';
import type { FieldSpec } from '../provider-records/columns.ts';
import { ipField, providerField, required, timeField } from '../provider-records/values.ts';

export const LOGIN_FIELDS: FieldSpec[] = [
  { name: 'provider', aliases: ['provider_name', '事業者'] },
  { name: 'account_id', required: true, aliases: ['account', 'customer_id', 'user', 'user_id', '顧客id', '会員id'] },
  { name: 'ts', required: true, aliases: ['time', 'timestamp', 'login_time', 'datetime', 'date', '日時', 'ログイン日時'] },
  { name: 'ip', required: true, aliases: ['src_ip', 'source_ip', 'client_ip', 'remote_addr', '接続元ip', '接続元'] },
  { name: 'action', aliases: ['event', 'type', 'operation', '操作'] },
];

export function buildLogin({ get, options }: RowInput) {
  return {
    provider: providerField(get('provider'), options.provider),
    account_id: required(get('account_id'), 'account_id'),
    ts: timeField(required(get('ts'), 'ts'), 'ts', options.tz)!,
    ip: ipField(required(get('ip'), 'ip'), 'ip'),
    action: get('action') ?? null,
  };
}

export const loginsSpec: ExportSpec = {
  name: 'logins', table: 'logins', fields: LOGIN_FIELDS, signature: ['account_id', 'ts', 'ip'],
  fromOptions: ['provider'], build: buildLogin,
};

export const loginsFormat = exportFormat(loginsSpec);
