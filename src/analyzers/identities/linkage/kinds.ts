// Comparison kinds: how a raw value is prepared once per record, compared per pair (an agreement
// level: 0 = disagree … top = exact; -1 = a value missing), blocked on, and counted for term
// frequency. Names are compared on their romanised form, so kana and romaji spellings meet.
import { canonicalIp } from '../../../core/ip.ts';
import { addressTokens, normalisePostcode } from '../../../ingest/provider-records/normalise/address.ts';
import { normaliseEmail } from '../../../ingest/provider-records/normalise/email.ts';
import { toE164 } from '../../../ingest/provider-records/normalise/phone.ts';
import { foldText, romanise } from '../../../ingest/provider-records/normalise/text.ts';
import { compareDate, compareName, prepareDate, prepareName, type PreparedName } from './kind-name-date.ts';
import { jaroWinkler, withinOneEdit } from './strings.ts';

export const KINDS = ['name', 'given', 'surname', 'text', 'address', 'date', 'phone', 'email', 'exact', 'ip', 'postcode'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindDef<P> {
  /** Names of the agreement levels, index = level (0 = disagree). */
  levels: string[];
  prepare(raw: string): P | null;
  compare(a: P, b: P): number;
  /** Value counted for term-frequency adjustment at the top level. */
  tfKey(p: P): string;
  /** Blocking key, or null when this kind should not block on its own. */
  blockKey(p: P): string | null;
}

interface Email { norm: string; local: string; domain: string }
interface Ip { text: string; net: string }
interface Address { joined: string; set: Set<string> }

const nameKind: KindDef<PreparedName> = {
  levels: ['disagree', 'initials', 'similar', 'phonetic-or-close', 'exact'],
  prepare: prepareName, compare: compareName, tfKey: (p) => p.sorted, blockKey: (p) => p.phoneticKey,
};

const text: KindDef<string> = {
  levels: ['disagree', 'similar', 'close', 'exact'],
  prepare: (raw) => foldText(raw) || null,
  compare: (a, b) => { if (a === b) return 3; const jw = jaroWinkler(a, b); return jw >= 0.94 ? 2 : jw >= 0.85 ? 1 : 0; },
  tfKey: (p) => p, blockKey: () => null,
};

const address: KindDef<Address> = {
  levels: ['disagree', 'some-tokens', 'most-tokens', 'same-tokens'],
  prepare: (raw) => { const t = addressTokens(raw); return t.length ? { joined: t.join(' '), set: new Set(t) } : null; },
  compare: (a, b) => {
    if (a.joined === b.joined) return 3;
    let common = 0;
    for (const t of a.set) if (b.set.has(t)) common++;
    const jaccard = common / (a.set.size + b.set.size - common);
    return jaccard >= 0.6 ? 2 : jaccard >= 0.3 ? 1 : 0;
  },
  tfKey: (p) => p.joined, blockKey: () => null,
};

const date: KindDef<string> = {
  levels: ['disagree', 'same-year', 'typo-or-transposed', 'exact'],
  prepare: prepareDate, compare: compareDate, tfKey: (p) => p, blockKey: (p) => p,
};

const phone: KindDef<string> = {
  levels: ['disagree', 'same-last-8', 'one-digit-off', 'exact'],
  prepare: (raw) => toE164(raw, 'JP'),
  compare: (a, b) => (a === b ? 3 : withinOneEdit(a, b) ? 2 : a.slice(-8) === b.slice(-8) ? 1 : 0),
  tfKey: (p) => p, blockKey: (p) => p.slice(-8),
};

const email: KindDef<Email> = {
  levels: ['disagree', 'similar-local', 'same-local', 'exact'],
  prepare: (raw) => { const e = normaliseEmail(raw); return e ? { norm: e.email, local: e.local, domain: e.domain } : null; },
  compare: (a, b) => (a.norm === b.norm ? 3 : a.local === b.local ? 2 : similarLocal(a.local, b.local) ? 1 : 0),
  tfKey: (p) => p.norm, blockKey: (p) => p.local,
};

/**
 * Local parts that look like the same author's variants: one typo apart, or one extending the other
 * (k.yoshida82 / k.yoshida82.student). Not plain string similarity: locals built from a common name
 * (jennifer.carter298 / jennifer.carter885) are alike for everyone with that name.
 */
export function similarLocal(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return withinOneEdit(a, b) || (short.length >= 5 && long.startsWith(short));
}

const exact: KindDef<string> = {
  levels: ['disagree', 'exact'],
  prepare: (raw) => raw.normalize('NFKC').trim().toLowerCase() || null,
  compare: (a, b) => (a === b ? 1 : 0), tfKey: (p) => p, blockKey: (p) => p,
};

const ip: KindDef<Ip> = {
  levels: ['disagree', 'same-/24', 'same-address'],
  prepare: (raw) => {
    const c = canonicalIp(raw.trim());
    if (!c) return null;
    return { text: c, net: c.includes(':') ? c.split(':').slice(0, 4).join(':') : c.split('.').slice(0, 3).join('.') };
  },
  compare: (a, b) => (a.text === b.text ? 2 : a.net === b.net ? 1 : 0), tfKey: (p) => p.text, blockKey: (p) => p.text,
};

const postcode: KindDef<string> = {
  levels: ['disagree', 'one-char-off', 'exact'],
  prepare: (raw) => normalisePostcode(raw) || null,
  compare: (a, b) => (a === b ? 2 : a.length === b.length && withinOneEdit(a, b) ? 1 : 0),
  tfKey: (p) => p, blockKey: () => null,
};

export const KIND_DEFS: Record<Kind, KindDef<any>> = {
  name: nameKind, given: nameKind, surname: nameKind, text, address, date, phone, email, exact, ip, postcode,
};

export function isKind(k: string): k is Kind {
  return (KINDS as readonly string[]).includes(k);
}

export { romanise };
