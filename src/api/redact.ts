// The partner response guard: every JSON response to a partner passes through here before it is
// serialised. It drops any object whose TLP marking the partner may not see (defence in depth behind the
// per-route filters) and removes personal data: PII-named keys, any string holding a value from the
// accounts table (names, emails, phones, addresses, payment fingerprints), and email / phone patterns.
import { canSee } from './tlp.ts';
import type { ApiUser } from './users.ts';

export const PII_KEYS = new Set(['name_norm', 'email', 'email_norm', 'emails', 'phone', 'phones', 'address', 'addresses', 'postcode',
  'birth_date', 'payment_fp', 'payment', 'holder', 'account_name', 'account_names', 'login_ips', 'signup_ip', 'contacts', 'abuse_contact', 'legal_contact']);
export const REDACTED = '[redacted]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /\+\d[\d\s().-]{6,}\d/;

export interface PiiValues { exact: Set<string>; long: string[] }

export function piiValuesFrom(rows: Array<Record<string, unknown>>): PiiValues {
  const exact = new Set<string>();
  for (const r of rows) {
    for (const k of ['name', 'name_norm', 'email', 'email_norm', 'phone', 'address', 'payment_fp', 'postcode', 'birth_date']) {
      const v = r[k];
      if (typeof v === 'string' && v.trim().length >= 3) exact.add(v.trim().toLowerCase());
    }
  }
  return { exact, long: [...exact].filter((v) => v.length >= 6) };
}

export function scrubString(s: string, pii: PiiValues): string {
  const low = s.toLowerCase();
  if (pii.exact.has(low.trim()) || EMAIL.test(s) || PHONE.test(s)) return REDACTED;
  for (const v of pii.long) if (low.includes(v)) return REDACTED;
  return s;
}

/** Keys of human-written text in STIX and MISP exports (where an analyzer's explanation could quote a person). */
const FREE_TEXT_KEYS = new Set(['description', 'comment', 'info', 'summary']);

/**
 * A copy of an export with personal data scrubbed from its free text only: observable values and patterns
 * are left alone (scrubbing them would corrupt the indicator), and the export model never reads them from PII.
 */
export function scrubFreeText(v: unknown, pii: PiiValues, key = ''): unknown {
  if (typeof v === 'string') return FREE_TEXT_KEYS.has(key) ? scrubString(v, pii) : v;
  if (Array.isArray(v)) return v.map((x) => scrubFreeText(x, pii, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubFreeText(x, pii, k)]));
  return v;
}

/** Returns a copy of `value` safe to send to this partner. */
export function guardForPartner(value: unknown, user: ApiUser, pii: PiiValues): unknown {
  return walk(value, user, pii, 0);
}

function walk(v: unknown, user: ApiUser, pii: PiiValues, depth: number): unknown {
  if (depth > 40) return null;
  if (typeof v === 'string') return scrubString(v, pii);
  if (Array.isArray(v)) {
    return v.filter((x) => !hiddenByTlp(x, user)).map((x) => walk(x, user, pii, depth + 1));
  }
  if (v && typeof v === 'object') {
    if (hiddenByTlp(v, user)) return null;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out[k] = PII_KEYS.has(k) && x != null ? REDACTED : walk(x, user, pii, depth + 1);
    }
    return out;
  }
  return v;
}

function hiddenByTlp(x: unknown, user: ApiUser): boolean {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  if (!('tlp' in o)) return false;
  const details = o.details as Record<string, unknown> | undefined;
  const addressed = (o.org ?? o.addressed_to ?? details?.org ?? null) as string | null;
  return !canSee(user, o.tlp as string, addressed);
}
