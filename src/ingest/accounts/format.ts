// Provider account exports → `accounts`. Names keep their original text plus a romanised, folded form;
// phones become E.164, emails are normalised; payment data may only be a fingerprint.
import { exportFormat, FileRefused, type ExportSpec, type RowInput } from '../provider-records/export-format.ts';
import { normaliseAddress, normalisePostcode } from '../provider-records/normalise/address.ts';
import { normaliseEmail } from '../provider-records/normalise/email.ts';
import { looksLikeCardNumber, normaliseFingerprint } from '../provider-records/normalise/payment.ts';
import { countryOfZone, toE164 } from '../provider-records/normalise/phone.ts';
import { nameForms } from '../provider-records/normalise/text.ts';
import { birthDateField, ipField, providerField, required, timeField } from '../provider-records/values.ts';
import { ACCOUNT_FIELDS } from './fields.ts';

function refuseCardNumbers(input: RowInput): void {
  for (const field of ['payment_fp', 'notes', 'name', 'address']) {
    const v = input.get(field);
    if (v && looksLikeCardNumber(v)) {
      throw new FileRefused(`${field} holds what looks like a raw card number (Luhn-valid 13–19 digits); only payment fingerprints may be ingested`);
    }
  }
}

export function buildAccount(input: RowInput) {
  refuseCardNumbers(input);
  const { get, options } = input;
  const name = required(get('name'), 'name');
  const notes: string[] = get('notes') ? [get('notes')!] : [];
  const email = normaliseEmail(get('email') ?? '');
  if (email?.disposable) notes.push('disposable-email-domain');
  const rawPhone = get('phone');
  const phone = rawPhone ? toE164(rawPhone, options.country ?? countryOfZone(options.tz)) : null;
  if (rawPhone && !phone) notes.push(`phone-unparsed:${rawPhone}`);
  const loginIps = (get('login_ips') ?? '').split(/[;,\s]+/).filter(Boolean).map((ip) => ipField(ip, 'login_ips'));
  const reading = get('name_reading');
  return {
    provider: providerField(get('provider'), options.provider),
    account_id: required(get('account_id'), 'account_id'),
    name,
    name_norm: nameForms(reading ?? name).latin,
    email: get('email') ?? null,
    email_norm: email?.email ?? null,
    phone,
    address: get('address') ? normaliseAddress(get('address')!) : null,
    postcode: get('postcode') ? normalisePostcode(get('postcode')!) : null,
    birth_date: birthDateField(get('birth_date')),
    payment_fp: get('payment_fp') ? normaliseFingerprint(get('payment_fp')!) : null,
    signup_ip: ipField(get('signup_ip'), 'signup_ip'),
    signup_ts: timeField(get('signup_ts'), 'signup_ts', options.tz),
    login_ips: loginIps,
    notes: notes.length ? notes.join('; ') : null,
  };
}

export const accountsSpec: ExportSpec = {
  name: 'accounts', table: 'accounts', fields: ACCOUNT_FIELDS, signature: ['account_id', 'name'],
  fromOptions: ['provider'], build: buildAccount,
};

export const accountsFormat = exportFormat(accountsSpec);
