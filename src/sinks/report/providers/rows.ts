// Per-provider request rows from the leases analyzer's findings: one row per IP and time window.
import type { Finding } from '../../../core/types.ts';

export interface RequestRow {
  provider: string;
  ip: string;
  start_utc: string;
  end_utc: string;
  start_local: string;
  end_local: string;
  tz: string;
  ports: string;
  reasons: string;
  account_id: string;
  server_id: string;
  status: 'leased' | 'no-lease-on-record' | 'conflicting-leases';
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.join(' ') : '');

export function requestRows(findings: Finding[]): RequestRow[] {
  const rows: RequestRow[] = [];
  for (const f of findings) {
    const d = f.details;
    if (f.kind === 'lease-attribution') {
      rows.push({
        provider: str(d.provider), ip: str(d.ip), start_utc: str(d.start_utc), end_utc: str(d.end_utc),
        start_local: str(d.start_local), end_local: str(d.end_local), tz: str(d.provider_tz) || 'UTC',
        ports: list(d.ports), reasons: list(d.reasons), account_id: str(d.account_id), server_id: str(d.server_id),
        status: d.conflict ? 'conflicting-leases' : 'leased',
      });
    } else if (f.kind === 'lease-gap') {
      const providers = Array.isArray(d.providers_with_leases) && d.providers_with_leases.length ? d.providers_with_leases : ['unknown-provider'];
      for (const p of providers) {
        rows.push({
          provider: str(p), ip: str(d.ip), start_utc: str(d.start_utc), end_utc: str(d.end_utc), start_local: '', end_local: '',
          tz: 'UTC', ports: list(d.ports), reasons: list(d.reasons), account_id: '', server_id: '', status: 'no-lease-on-record',
        });
      }
    }
  }
  return rows.sort((a, b) => a.provider.localeCompare(b.provider) || a.ip.localeCompare(b.ip) || a.start_utc.localeCompare(b.start_utc));
}

const COLUMNS: (keyof RequestRow)[] = ['ip', 'start_utc', 'end_utc', 'start_local', 'end_local', 'tz', 'ports', 'reasons', 'account_id', 'server_id', 'status'];

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function rowsCsv(rows: RequestRow[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}

export { COLUMNS };
