// Indicator values: refang (defanged forms such as 1.2.3[.]4, hxxp://, evil[:]//, a[@]b), classify
// (ip, cidr, domain, url, email, hash by length) and canonicalise, so one indicator has one id everywhere.
import { parseCidr, parseIp } from '../../core/ip.ts';
import { stixId } from '../../core/ids.ts';
import type { IndicatorType } from '../../core/types.ts';

export interface NormalIndicator { type: IndicatorType; value: string; ip: string | null }

const REFANG: Array<[RegExp, string]> = [
  [/\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\}|\[dot\]|\(dot\)|\{dot\}/gi, '.'],
  [/\[\s*:\s*\]|\(\s*:\s*\)/g, ':'],
  [/\[\s*\/\s*\]/g, '/'],
  [/\[\s*@\s*\]|\(\s*@\s*\)|\[at\]|\(at\)/gi, '@'],
  [/^hxxp(s?)(?=(:|\[:\])\/\/)/i, 'http$1'],
  [/^hxxp(s?):/i, 'http$1:'],
  [/^(https?|ftp)\[:\/\/\]/i, '$1://'],
];

export function refang(raw: string): string {
  let s = raw.trim();
  for (const [re, to] of REFANG) s = s.replace(re, to);
  return s;
}

const HASH_BY_LEN: Record<number, IndicatorType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const EMAIL = /^[^\s@]+@([^\s@]+)$/;
const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;

export function normaliseDomain(raw: string): string | null {
  const d = raw.toLowerCase().replace(/\.$/, '');
  const labels = d.split('.');
  if (labels.length < 2 || d.length > 253) return null;
  if (!labels.every((l) => LABEL.test(l))) return null;
  const tld = labels[labels.length - 1];
  return /^[a-z]{2,63}$/.test(tld) || tld.startsWith('xn--') ? d : null;
}

function normaliseUrl(s: string): string | null {
  try {
    const u = new URL(s);
    if (!u.hostname) return null;
    return u.toString();
  } catch {
    return null;
  }
}

/** Host part of a URL indicator (for matching DNS queries / TLS SNI against URL indicators). */
export function urlHost(url: string): string | null {
  try { return new URL(url).hostname.replace(/^\[|\]$/g, '') || null; } catch { return null; }
}

/**
 * Classifies and canonicalises one value. `hint` restricts the type when the source declares it
 * (STIX object path, MISP attribute type, CSV type column); null means guess from the value.
 */
export function normaliseIndicator(raw: string, hint: IndicatorType | 'ip' | 'hash' | null = null): NormalIndicator | string {
  const s = refang(raw);
  if (s === '') return 'empty value';
  const guessed = classify(s);
  if (!guessed) return `not an indicator (${hint ?? 'ip, CIDR, domain, URL, email or hash'}): ${raw.slice(0, 80)}`;
  if (hint && !fits(hint, guessed.type)) return `declared ${hint} but value looks like ${guessed.type}: ${raw.slice(0, 80)}`;
  return guessed;
}

function fits(hint: IndicatorType | 'ip' | 'hash', type: IndicatorType): boolean {
  if (hint === type || hint === 'other') return true;
  if (hint === 'ip') return type === 'ipv4' || type === 'ipv6' || type === 'cidr';
  if (hint === 'hash') return type === 'md5' || type === 'sha1' || type === 'sha256';
  if ((hint === 'ipv4' || hint === 'ipv6') && type === 'cidr') return true;
  return false;
}

function classify(s: string): NormalIndicator | null {
  if (s.includes('/') && !URL_START.test(s)) {
    const c = parseCidr(s);
    if (c) {
      const full = c.bits === (c.version === 4 ? 32 : 128);
      const base = c.text.split('/')[0];
      return full ? { type: c.version === 4 ? 'ipv4' : 'ipv6', value: base, ip: base } : { type: 'cidr', value: c.text, ip: base };
    }
  }
  const ip = parseIp(s) ?? parseIp(s.replace(/:\d{1,5}$/, ''));
  if (ip) return { type: ip.version === 4 ? 'ipv4' : 'ipv6', value: ip.text, ip: ip.text };
  if (URL_START.test(s)) {
    const u = normaliseUrl(s);
    return u ? { type: 'url', value: u, ip: null } : null;
  }
  if (/^[0-9a-f]+$/i.test(s) && HASH_BY_LEN[s.length]) return { type: HASH_BY_LEN[s.length], value: s.toLowerCase(), ip: null };
  const m = EMAIL.exec(s);
  if (m) return normaliseDomain(m[1]) ? { type: 'email', value: s.toLowerCase(), ip: null } : null;
  const d = normaliseDomain(s);
  return d ? { type: 'domain', value: d, ip: null } : null;
}

/** Deterministic indicator id: the same (type, value) from any source gets the same id. */
export function indicatorId(type: IndicatorType, value: string): string {
  return stixId('indicator', `${type}|${value}`);
}
