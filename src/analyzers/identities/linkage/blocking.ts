// Blocking: only records sharing a key under at least one rule are compared. Rules are unioned; a
// pair already produced by an earlier rule is skipped (its keys there are equal), so no global pair
// set is needed. Blocks larger than maxBlock are skipped and counted (that is what blocking can lose).
import { KIND_DEFS } from './kinds.ts';
import { fieldName, type PreparedSet } from './prepared.ts';

/** `fields`: indices of the fields a rule's key is built from (excluded when training on its pairs). */
export interface BlockRule { name: string; keys: (string | null)[]; fields: number[] }
export interface Pairs { a: Uint32Array; b: Uint32Array; length: number }
export interface BlockingStats { rules: { name: string; pairs: number; skippedBlocks: number; skippedPairs: number }[]; pairs: number }

function ruleFromKey(p: PreparedSet, name: string, fields: number[], key: (i: number) => string | null): BlockRule {
  const keys = new Array<string | null>(p.ids.length);
  for (let i = 0; i < keys.length; i++) keys[i] = key(i);
  return { name, keys, fields };
}

/** Default rules from the field kinds: strong identifiers alone, names phonetically, dates and postcodes with a name initial. */
export function defaultRules(p: PreparedSet): BlockRule[] {
  const rules: BlockRule[] = [];
  const idx = (kinds: string[]) => p.fields.map((f, k) => (kinds.includes(f.kind) ? k : -1)).filter((k) => k >= 0);
  for (const k of idx(['phone', 'email', 'exact', 'ip'])) {
    const def = KIND_DEFS[p.fields[k].kind];
    rules.push(ruleFromKey(p, fieldName(p.fields[k]), [k], (i) => (p.columns[k][i] === null ? null : def.blockKey(p.columns[k][i]))));
  }
  const names = idx(['name', 'given', 'surname']);
  // Per record once: phonetic codes and initials of all name tokens (prepared names carry both).
  const nameKeys = nameBlockingKeys(p, names);
  // Names alone make blocks that grow with n (common names); with a date field they are paired with the year.
  const dates = idx(['date']);
  if (names.length) {
    const d = dates[0];
    const label = d === undefined ? 'name-phonetic' : `name-phonetic+${fieldName(p.fields[d])}-year`;
    rules.push(ruleFromKey(p, label, d === undefined ? names : [...names, d], (i) => {
      const key = nameKeys.phonetic[i];
      if (key === null || d === undefined) return key;
      const v = p.columns[d][i] as string | null;
      return v === null ? null : `${key}|${v.slice(0, 4)}`;
    }));
  }
  for (const k of idx(['date', 'postcode'])) {
    const label = `${fieldName(p.fields[k])}${names.length ? '+initials' : ''}`;
    rules.push(ruleFromKey(p, label, [k, ...names], (i) => {
      const v = p.columns[k][i] as string | null;
      if (v === null) return null;
      return names.length ? `${v}|${nameKeys.initials[i]}` : v;
    }));
  }
  return rules;
}

interface NameParts { phoneticKey: string; initials: string; tokens: string[] }

/** Phonetic key (≥ 2 name tokens, order-free) and sorted initials per record, from the prepared names. */
function nameBlockingKeys(p: PreparedSet, names: number[]): { phonetic: (string | null)[]; initials: string[] } {
  const n = p.ids.length;
  const phoneticKeys = new Array<string | null>(n);
  const initials = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const parts = names.map((k) => p.columns[k][i] as NameParts | null).filter((x): x is NameParts => x !== null);
    const tokenCount = parts.reduce((c, x) => c + x.tokens.length, 0);
    phoneticKeys[i] = tokenCount >= 2 ? (parts.length === 1 ? parts[0].phoneticKey : parts.map((x) => x.phoneticKey).sort().join(' ')) : null;
    initials[i] = parts.length === 1 ? parts[0].initials : parts.map((x) => x.initials).sort().join('');
  }
  return { phonetic: phoneticKeys, initials };
}

class PairBuffer {
  a = new Uint32Array(1 << 16);
  b = new Uint32Array(1 << 16);
  length = 0;
  push(i: number, j: number): void {
    if (this.length === this.a.length) {
      const a = new Uint32Array(this.a.length * 2); a.set(this.a); this.a = a;
      const b = new Uint32Array(this.b.length * 2); b.set(this.b); this.b = b;
    }
    this.a[this.length] = i;
    this.b[this.length++] = j;
  }
}

export function candidatePairs(p: PreparedSet, rules: BlockRule[], opts: { maxBlock: number; link: boolean }): { pairs: Pairs; stats: BlockingStats } {
  const out = new PairBuffer();
  const stats: BlockingStats = { rules: [], pairs: 0 };
  const sizes: Map<string, number>[] = [];
  rules.forEach((rule, r) => {
    const blocks = new Map<string, number[]>();
    rule.keys.forEach((key, i) => {
      if (key === null) return;
      const list = blocks.get(key);
      if (list) list.push(i); else blocks.set(key, [i]);
    });
    sizes.push(new Map([...blocks].map(([k, v]) => [k, v.length])));
    const s = { name: rule.name, pairs: 0, skippedBlocks: 0, skippedPairs: 0 };
    for (const members of blocks.values()) {
      if (members.length < 2) continue;
      if (members.length > opts.maxBlock) { s.skippedBlocks++; s.skippedPairs += (members.length * (members.length - 1)) / 2; continue; }
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = members[x];
          const j = members[y];
          if (opts.link && p.source[i] === p.source[j]) continue;
          if (producedEarlier(rules, sizes, opts.maxBlock, r, i, j)) continue;
          out.push(i, j);
          s.pairs++;
        }
      }
    }
    stats.rules.push(s);
  });
  stats.pairs = out.length;
  return { pairs: { a: out.a, b: out.b, length: out.length }, stats };
}

function producedEarlier(rules: BlockRule[], sizes: Map<string, number>[], maxBlock: number, r: number, i: number, j: number): boolean {
  for (let q = 0; q < r; q++) {
    const k = rules[q].keys[i];
    if (k !== null && k === rules[q].keys[j] && sizes[q].get(k)! <= maxBlock) return true;
  }
  return false;
}
