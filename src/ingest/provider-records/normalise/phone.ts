// Phones to E.164. Numbers with a leading + or 00 keep their country code; national numbers get the
// default country's code (trunk 0 dropped). Returns null when too few digits to be a phone number.
const CALLING_CODES: Record<string, string> = {
  JP: '81', US: '1', CA: '1', GB: '44', DE: '49', FR: '33', NL: '31', KR: '82', CN: '86', TW: '886',
  HK: '852', SG: '65', AU: '61', NZ: '64', RU: '7', IN: '91', BR: '55', IT: '39', ES: '34', SE: '46',
  CH: '41', AT: '43', PL: '48', UA: '380', VN: '84', TH: '66', PH: '63', ID: '62', MY: '60',
};

export function callingCode(country: string): string {
  const code = CALLING_CODES[country.toUpperCase()];
  if (!code) throw new Error(`no calling code known for country ${country}`);
  return code;
}

export function toE164(raw: string, defaultCountry = 'JP'): string | null {
  const text = raw.normalize('NFKC').replace(/(ext\.?|x)\s*\d+$/i, '').trim();
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7) return null;
  if (text.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  const cc = callingCode(defaultCountry);
  if (cc === '1') return digits.length === 11 && digits.startsWith('1') ? `+${digits}` : `+1${digits}`;
  return `+${cc}${digits.replace(/^0/, '')}`;
}

const ZONE_COUNTRY: Record<string, string> = {
  'Asia/Tokyo': 'JP', 'Asia/Seoul': 'KR', 'Asia/Shanghai': 'CN', 'Asia/Taipei': 'TW', 'Asia/Hong_Kong': 'HK',
  'Asia/Singapore': 'SG', 'Europe/London': 'GB', 'Europe/Berlin': 'DE', 'Europe/Paris': 'FR', 'Europe/Amsterdam': 'NL',
  'Europe/Moscow': 'RU', 'America/New_York': 'US', 'America/Chicago': 'US', 'America/Los_Angeles': 'US',
  'Australia/Sydney': 'AU',
};

/** Default country for national numbers when the export does not say: from the provider's zone, else JP. */
export function countryOfZone(zone: string | undefined): string {
  return (zone && ZONE_COUNTRY[zone]) || 'JP';
}
