// STIX patterns → observable indicators for the common comparisons. An observation expression of
// comparisons joined by OR gives one indicator per comparison. AND is read the way MISP's STIX export writes
// one attribute: `network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '…'` (the
// type test is dropped) and `domain-name:value = '…' AND domain-name:resolves_to_refs[*].value = '…'`
// (domain|ip: both values). Anything else (an AND term that is no observable value such as a port,
// FOLLOWEDBY, qualifiers, LIKE/MATCHES, unknown object paths) keeps the pattern whole as type 'other'.
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
  'domain-name:resolves_to_refs[*].value': 'ip',
};

/** `x:…_ref.type = 'ipv4-addr'`: says which object type a reference is; no value to match. */
const REF_TYPE = /^[a-z0-9-]+:[a-z0-9_]+_ref\.type$/;

const COMPARISON = /^([a-z0-9-]+:[a-z0-9_.'*[\]-]+)\s*(=|ISSUBSET)\s*'((?:[^'\\]|\\.)*)'$/i;

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

const HARD = ['FOLLOWEDBY', 'WITHIN', 'REPEATS', 'START', 'STOP', 'NOT', 'LIKE', 'MATCHES'];

export function parsePattern(pattern: string): PatternResult {
  const whole = { indicators: [], unparsed: [pattern] };
  if (HARD.some((w) => splitOutsideQuotes(` ${pattern} `, w).length > 1)) return whole;
  const out: PatternResult = { indicators: [], unparsed: [] };
  for (const part of splitOutsideQuotes(` ${pattern} `, 'OR')) {
    const terms = splitOutsideQuotes(` ${part} `, 'AND').map(trimBrackets);
    const values = terms.filter((t) => !REF_TYPE.test(COMPARISON.exec(t)?.[1].toLowerCase() ?? ''));
    // An AND group counts only when each of its terms is an observable value (no port or other condition).
    const found = values.map(comparisonIndicator);
    if (values.length > 0 && found.every((ind) => ind != null)) out.indicators.push(...(found as NormalIndicator[]));
    else out.unparsed.push(part);
  }
  if (out.unparsed.length > 0) out.unparsed = [pattern];
  return out;
}

/** Strips the brackets and parentheses that group comparisons, not those inside a path (`refs[*]`). */
function trimBrackets(s: string): string {
  return s.trim().replace(/^[[(\s]+/, '').replace(/(?<!\[\*)[\])\s]+$/, '').trim();
}

function comparisonIndicator(cmp: string): NormalIndicator | null {
  const m = COMPARISON.exec(cmp);
  const hint = m ? PATHS[m[1].toLowerCase()] : undefined;
  if (!m || !hint) return null;
  const ind = normaliseIndicator(m[3].replace(/\\(.)/g, '$1'), hint === 'other' ? null : hint);
  if (typeof ind === 'string') return null;
  return hint !== 'other' || ['ipv4', 'ipv6', 'cidr', 'domain'].includes(ind.type) ? ind : null;
}
