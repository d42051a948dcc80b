// STIX patterns → observable indicators for the common comparisons. An observation expression of
// comparisons joined only by OR gives one indicator per comparison; anything else (AND, FOLLOWEDBY,
// qualifiers, LIKE/MATCHES, unknown object paths) is kept whole as type 'other'.
import type { IndicatorType } from '../../core/types.ts';
import { normaliseIndicator, type NormalIndicator } from '../iocs/normalise.ts';

export interface PatternResult { indicators: NormalIndicator[]; unparsed: string[] }

const PATHS: Record<string, IndicatorType | 'ip' | 'hash'> = {
  'ipv4-addr:value': 'ip', 'ipv6-addr:value': 'ip', 'domain-name:value': 'domain', 'url:value': 'url',
  'email-addr:value': 'email', 'email-message:from_ref.value': 'email', 'email-message:sender_ref.value': 'email',
  "file:hashes.'sha-256'": 'sha256', 'file:hashes.sha256': 'sha256', "file:hashes.'sha256'": 'sha256',
  "file:hashes.'sha-1'": 'sha1', 'file:hashes.sha1': 'sha1', "file:hashes.'sha1'": 'sha1',
  "file:hashes.'md5'": 'md5', 'file:hashes.md5': 'md5',
  "x509-certificate:hashes.'sha-1'": 'sha1',
  'network-traffic:dst_ref.value': 'other', 'network-traffic:src_ref.value': 'other',
};

const COMPARISON = /^([a-z0-9-]+:[a-z0-9_.'-]+)\s*(=|ISSUBSET)\s*'((?:[^'\\]|\\.)*)'$/i;

/** Splits at a keyword outside quotes (case-insensitive, surrounded by whitespace or brackets). */
function splitOutsideQuotes(s: string, word: string): string[] {
  const parts: string[] = [];
  let quoted = false, start = 0;
  const re = new RegExp(`^[\\s\\]\\[()]${word}[\\s\\[(]`, 'i');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && quoted) { i++; continue; }
    if (ch === "'") quoted = !quoted;
    if (!quoted && re.test(s.slice(i, i + word.length + 2))) {
      parts.push(s.slice(start, i + 1));
      start = i + 1 + word.length;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

const HARD = ['AND', 'FOLLOWEDBY', 'WITHIN', 'REPEATS', 'START', 'STOP', 'NOT', 'LIKE', 'MATCHES'];

export function parsePattern(pattern: string): PatternResult {
  const whole = { indicators: [], unparsed: [pattern] };
  if (HARD.some((w) => splitOutsideQuotes(` ${pattern} `, w).length > 1)) return whole;
  const out: PatternResult = { indicators: [], unparsed: [] };
  for (const part of splitOutsideQuotes(` ${pattern} `, 'OR')) {
    const cmp = part.replace(/[[\]()]/g, ' ').trim();
    const m = COMPARISON.exec(cmp);
    const path = m?.[1].toLowerCase();
    const hint = path ? PATHS[path] : undefined;
    if (!m || !hint) { out.unparsed.push(cmp); continue; }
    const value = m[3].replace(/\\(.)/g, '$1');
    const ind = normaliseIndicator(value, hint === 'other' ? null : hint);
    const fitsPath = typeof ind !== 'string' && (hint !== 'other' || ['ipv4', 'ipv6', 'cidr', 'domain'].includes(ind.type));
    if (typeof ind === 'string' || !fitsPath) out.unparsed.push(cmp);
    else out.indicators.push(ind);
  }
  if (out.unparsed.length > 0) out.unparsed = [pattern];
  return out;
}
