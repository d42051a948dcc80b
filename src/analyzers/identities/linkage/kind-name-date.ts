// Name and date comparisons, the two kinds with the most ways to differ (see kinds.ts).
import { romanise } from '../../../ingest/provider-records/normalise/text.ts';
import { jaroWinkler, phonetic, tokens } from './strings.ts';

export interface PreparedName {
  latin: string;
  /** Tokens sorted, joined: equal for swapped given/family order. */
  sorted: string;
  tokens: string[];
  phoneticKey: string;
  initials: string;
}

export function prepareName(raw: string): PreparedName | null {
  const latin = romanise(raw);
  if (!latin) return null;
  const toks = tokens(latin);
  const sorted = [...toks].sort();
  return {
    latin, sorted: sorted.join(' '), tokens: toks,
    phoneticKey: sorted.map(phonetic).sort().join(' '),
    initials: sorted.map((t) => t[0]).join(''),
  };
}

/** 4 exact (or same tokens in another order), 3 phonetic match or JW ≥ 0.94, 2 JW ≥ 0.85, 1 initials agree. */
export function compareName(a: PreparedName, b: PreparedName): number {
  if (a.latin === b.latin || a.sorted === b.sorted) return 4;
  if (a.phoneticKey === b.phoneticKey) return 3;
  const jw = Math.max(jaroWinkler(a.latin, b.latin), jaroWinkler(a.sorted, b.sorted));
  if (jw >= 0.94) return 3;
  if (jw >= 0.85) return 2;
  if (initialsCompatible(a, b)) return 1;
  return 0;
}

/** "j smith" vs "john smith": every token of the shorter name is a token or the initial of one in the other. */
function initialsCompatible(a: PreparedName, b: PreparedName): boolean {
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (short.tokens.length === 0) return false;
  return short.tokens.every((t) => long.tokens.some((u) => u === t || (t.length === 1 && u[0] === t) || (u.length === 1 && t[0] === u)));
}

/** Dates → YYYYMMDD digits. Accepts YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, DD/MM/YYYY. */
export function prepareDate(raw: string): string | null {
  const t = raw.normalize('NFKC').trim();
  let m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})/.exec(t);
  if (m) return `${m[1]}${m[2].padStart(2, '0')}${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return `${m[3]}${m[2].padStart(2, '0')}${m[1].padStart(2, '0')}`;
  return null;
}

/** 3 exact, 2 day/month transposed or one digit wrong, 1 same year, 0 otherwise. */
export function compareDate(a: string, b: string): number {
  if (a === b) return 3;
  if (a.length === 8 && b.length === 8) {
    let diff = 0;
    let first = -1;
    let second = -1;
    for (let i = 0; i < 8; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) { diff++; if (first < 0) first = i; else second = i; }
    }
    if (diff === 1) return 2;
    if (diff === 2 && a[first] === b[second] && a[second] === b[first]) return 2;
    const sameYear = first >= 4;
    if (sameYear && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6)) return 2;
    if (sameYear) return 1;
  }
  return 0;
}

export { jaroWinkler };
