// Addresses as sorted unique tokens: NFKC, lower-case, punctuation removed, common abbreviations
// expanded, Japanese block markers (丁目/番地/号) turned into separators.
import { foldText, romanise } from './text.ts';

const ABBREVIATIONS: Record<string, string> = {
  st: 'street', rd: 'road', ave: 'avenue', av: 'avenue', cres: 'crescent', cct: 'circuit', pl: 'place',
  dr: 'drive', ct: 'court', ln: 'lane', apt: 'apartment', blvd: 'boulevard', hwy: 'highway', vlge: 'village',
};

export function addressTokens(raw: string): string[] {
  const text = romanise(foldText(raw).replace(/[丁目番地号の]/g, ' ').replace(/(\d+)/g, ' $1 ').replace(/[〒#,./()\\-]/g, ' '));
  const tokens = text.split(/\s+/).filter(Boolean).map((t) => ABBREVIATIONS[t] ?? t);
  return [...new Set(tokens)].sort();
}

export function normaliseAddress(raw: string): string {
  return addressTokens(raw).join(' ');
}

export function normalisePostcode(raw: string): string {
  return raw.normalize('NFKC').replace(/[^0-9a-z]/gi, '').toUpperCase();
}
