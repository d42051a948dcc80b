// Field parsers shared by the provider exports; each throws RowRejected (row kept out) on bad values.
import { canonicalIp } from '../../core/ip.ts';
import { parseLocalTime } from '../../core/time.ts';
import { RowRejected } from './export-format.ts';

export function required(value: string | undefined, field: string): string {
  if (value === undefined) throw new RowRejected(`${field} is empty`);
  return value;
}

/** Local time in `zone` (unless the text has its own offset) → UTC epoch seconds. */
export function timeField(value: string | undefined, field: string, zone: string | undefined): number | null {
  if (value === undefined) return null;
  const t = parseLocalTime(value.normalize('NFKC').replace(/年|月/g, '-').replace(/日/g, ''), zone ?? 'UTC');
  if (t === null) throw new RowRejected(`${field} '${value}' is not a possible date-time`);
  return t;
}

export function ipField(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  const ip = canonicalIp(value.normalize('NFKC'));
  if (!ip) throw new RowRejected(`${field} '${value}' is not an IP address`);
  return ip;
}

/** Birth dates → YYYY-MM-DD. Accepts YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, 1990年1月2日. */
export function birthDateField(value: string | undefined): string | null {
  if (value === undefined) return null;
  const t = value.normalize('NFKC').replace(/年|月/g, '-').replace(/日/g, '').trim();
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(t);
  if (!m) throw new RowRejected(`birth_date '${value}' is not a date (YYYY-MM-DD)`);
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) throw new RowRejected(`birth_date '${value}' is not a possible date`);
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function providerField(value: string | undefined, fallback: string | undefined): string {
  const p = value ?? fallback;
  if (!p) throw new RowRejected('provider is empty (give a provider column or --provider)');
  return p.normalize('NFKC').trim();
}
