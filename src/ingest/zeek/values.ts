// Typed Zeek values from TSV text or JSON values. Converters return BAD instead of throwing (hot path).
import { canonicalIp } from '../../core/ip.ts';
import { unescapeZeek, type ZeekHeader } from './header.ts';

export const BAD = Symbol('bad value');
export type Kind = 'time' | 'num' | 'int' | 'addr' | 'str' | 'bool' | 'list';
export type ZeekValue = string | number | boolean | string[] | null;

/** Kind of a Zeek `#types` entry. */
export function kindOfType(type: string): Kind {
  if (type === 'time') return 'time';
  if (type === 'interval' || type === 'double') return 'num';
  if (type === 'count' || type === 'int' || type === 'port') return 'int';
  if (type === 'addr') return 'addr';
  if (type === 'bool') return 'bool';
  if (type.startsWith('set[') || type.startsWith('vector[') || type.startsWith('table[')) return 'list';
  return 'str';
}

/** Canonical address text; dotted quads that are already canonical skip the general parser. */
export function fastCanonicalIp(s: string): string | null {
  let octet = 0, digits = 0, dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0) return canonicalIp(s);
      dots++; octet = 0; digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return canonicalIp(s);
      octet = octet * 10 + c - 48;
      if (++digits > 3 || octet > 255) return canonicalIp(s);
    } else return canonicalIp(s);
  }
  return dots === 3 && digits > 0 ? s : canonicalIp(s);
}

/** Converts one TSV field (already known not to be the unset marker). */
export function fromTsv(kind: Kind, s: string, h: ZeekHeader): ZeekValue | typeof BAD {
  switch (kind) {
    case 'time': case 'num': {
      if (s.length === 0) return BAD;
      const n = +s;
      return Number.isFinite(n) && (kind !== 'time' || n >= 0) ? n : BAD;
    }
    case 'int': {
      if (s.length === 0) return BAD;
      const n = +s;
      return Number.isInteger(n) ? n : BAD;
    }
    case 'addr': return fastCanonicalIp(s) ?? BAD;
    case 'bool': return s === 'T' ? true : s === 'F' ? false : BAD;
    case 'list':
      if (s === h.emptyField) return [];
      return s.split(h.setSeparator).map(unescapeZeek);
    default:
      return s === h.emptyField ? '' : unescapeZeek(s);
  }
}

/** ISO-8601 UTC text to epoch seconds keeping every fractional digit (same double as the TSV epoch text). */
export function isoToEpoch(s: string): number | null {
  const t = s.indexOf('T');
  if (t < 0) return null;
  const dot = s.indexOf('.', t);
  let end = dot < 0 ? s.length : dot + 1;
  while (dot >= 0 && end < s.length && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
  const zone = dot < 0 ? '' : s.slice(end);
  const base = dot < 0 ? s : s.slice(0, dot) + zone;
  const whole = Date.parse(hasZone(base, t) ? base : `${base}Z`);
  if (!Number.isFinite(whole)) return null;
  if (dot < 0 || end === dot + 1) return whole / 1000;
  return Number(`${Math.floor(whole / 1000)}.${s.slice(dot + 1, end)}`);
}

function hasZone(s: string, t: number): boolean {
  return s.endsWith('Z') || s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
}

// Zeek's JSON::TS_MILLIS writes times as integer milliseconds; in seconds this floor is the year 5138.
const MILLIS_FLOOR = 1e11;

/** Converts one JSON value (undefined/null = unset). */
export function fromJson(kind: Kind, v: unknown): ZeekValue | typeof BAD {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'time':
      if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? (v >= MILLIS_FLOOR ? v / 1000 : v) : BAD;
      return typeof v === 'string' ? isoToEpoch(v) ?? BAD : BAD;
    case 'num': return typeof v === 'number' ? v : BAD;
    case 'int': return typeof v === 'number' && Number.isInteger(v) ? v : BAD;
    case 'addr': return typeof v === 'string' ? fastCanonicalIp(v) ?? BAD : BAD;
    case 'bool': return typeof v === 'boolean' ? v : BAD;
    case 'list': return Array.isArray(v) ? v.map(String) : BAD;
    default: return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : BAD;
  }
}
