// Provider subscriber exports (accounts, leases, logins): each provider its own column names, date style and
// local time zone, as a provider's legal team would hand them over. Never raw card data: fingerprints only.
import { formatInZone } from '../core/time.ts';
import type { AccountRec } from './identities.ts';
import type { LeaseRec, LoginRec } from './leases.ts';
import { FileSink } from './file-sink.ts';

type Table = 'accounts' | 'leases' | 'logins';
export interface ExportStyle { tz: string; columns: Record<Table, Array<[string, string]>>; date: (ts: number, tz: string) => string; phone: (p: string) => string }

const CANON: Record<Table, string[]> = {
  accounts: ['account_id', 'name', 'email', 'phone', 'address', 'postcode', 'birth_date', 'payment_fp', 'signup_ip', 'signup_ts'],
  leases: ['server_id', 'ip', 'start', 'end', 'account_id'],
  logins: ['account_id', 'ts', 'ip', 'action'],
};

const rename = (t: Table, names: string[]): Array<[string, string]> => CANON[t].map((f, i) => [names[i], f]);
const plainDate = (ts: number, tz: string) => formatInZone(ts, tz).slice(0, 19);
const intl = (p: string) => (p.startsWith('0') ? `+81 ${p.slice(1)}` : p);

export const EXPORT_STYLES: Record<string, ExportStyle> = {
  hanami: {
    tz: 'Asia/Tokyo', date: (ts, tz) => plainDate(ts, tz).replace(/-/g, '/'), phone: (p) => p,
    columns: {
      accounts: rename('accounts', ['契約ID', '契約者名', 'メールアドレス', '電話番号', '住所', '郵便番号', '生年月日', '決済指紋', '登録元IP', '登録日時']),
      leases: rename('leases', ['サーバID', 'IPアドレス', '開始日時', '終了日時', '契約ID']),
      logins: rename('logins', ['契約ID', '日時', '接続元IP', '操作']),
    },
  },
  kumo: {
    tz: 'Asia/Tokyo', date: plainDate, phone: (p) => intl(p).replace(/ /g, '-'),
    columns: { accounts: rename('accounts', CANON.accounts), leases: rename('leases', CANON.leases), logins: rename('logins', CANON.logins) },
  },
  pacific: {
    tz: 'America/Los_Angeles', date: (ts, tz) => plainDate(ts, tz).replace(' ', 'T'), phone: intl,
    columns: {
      accounts: rename('accounts', ['CustomerID', 'FullName', 'EmailAddress', 'PhoneNumber', 'StreetAddress', 'ZipCode', 'DateOfBirth', 'CardFingerprint', 'RegistrationIP', 'RegisteredAt']),
      leases: rename('leases', ['InstanceID', 'PublicIP', 'ProvisionedAt', 'TerminatedAt', 'CustomerID']),
      logins: rename('logins', ['CustomerID', 'EventTime', 'SourceIP', 'EventType']),
    },
  },
  harbour: {
    tz: 'Asia/Hong_Kong', date: plainDate, phone: (p) => intl(p).replace(/[ -]/g, ''),
    columns: {
      accounts: rename('accounts', ['uid', 'holder', 'mail', 'tel', 'addr', 'zip', 'dob', 'pay_token', 'reg_ip', 'reg_time']),
      leases: rename('leases', ['vps', 'ipv4', 'from', 'until', 'uid']),
      logins: rename('logins', ['uid', 'time', 'remote_addr', 'event']),
    },
  },
};

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function writeCsv(path: string, header: string[], rows: string[][]): number {
  const sink = new FileSink(path);
  sink.write(`${header.map(csvCell).join(',')}\n`);
  for (const r of rows) sink.write(`${r.map(csvCell).join(',')}\n`);
  sink.close();
  return rows.length;
}

/** Writes the three exports; returns the column maps (source column → canonical field) for the manifest. */
export function writeProviderExports(dir: string, provider: string, accounts: AccountRec[], leases: LeaseRec[], logins: LoginRec[]):
Array<{ table: Table; path: string; rows: number; map: Record<string, string> | undefined; tz: string }> {
  const st = EXPORT_STYLES[provider];
  const fmt = (ts: number | null) => (ts === null ? '' : st.date(ts, st.tz));
  const value = (t: Table, field: string, rec: Record<string, unknown>): string => {
    const v = rec[field];
    if (field === 'signup_ts' || field === 'start' || field === 'end' || (t === 'logins' && field === 'ts')) return fmt(v as number | null);
    if (field === 'phone') return st.phone(String(v));
    return v === null || v === undefined ? '' : String(v);
  };
  const recs: Record<Table, Array<Record<string, unknown>>> = {
    accounts: [...accounts].sort((a, b) => a.signup_ts - b.signup_ts || a.account_id.localeCompare(b.account_id)) as unknown as Array<Record<string, unknown>>,
    leases: leases as unknown as Array<Record<string, unknown>>,
    logins: logins as unknown as Array<Record<string, unknown>>,
  };
  return (['accounts', 'leases', 'logins'] as Table[]).map((t) => {
    const cols = st.columns[t];
    const path = `${dir}/${provider}-${t}.csv`;
    const rows = writeCsv(path, cols.map((c) => c[0]), recs[t].map((rec) => cols.map(([, f]) => value(t, f, rec))));
    const identity = cols.every(([src, f]) => src === f);
    return { table: t, path, rows, map: identity ? undefined : Object.fromEntries(cols.map(([src, f]) => [src, f])), tz: st.tz };
  });
}

export { writeCsv, csvCell };
