// String similarity and phonetic codes used by the comparison kinds. Pure functions.

// Scratch buffers reused across calls (single-threaded), so the hot loop allocates nothing.
let matchedB = new Uint8Array(64);
let matchA = new Int32Array(64);

/** Jaro–Winkler similarity in 0..1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (matchedB.length < lb) matchedB = new Uint8Array(lb * 2);
  if (matchA.length < la) matchA = new Int32Array(la * 2);
  matchedB.fill(0, 0, lb);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (!matchedB[j] && ch === b.charCodeAt(j)) { matchedB[j] = 1; matchA[m++] = i; break; }
    }
  }
  if (!m) return 0;
  let t = 0;
  let k = 0;
  for (let j = 0; j < lb; j++) {
    if (!matchedB[j]) continue;
    if (a.charCodeAt(matchA[k]) !== b.charCodeAt(j)) t++;
    k++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** True when a and b differ by at most one insertion, deletion or substitution (no allocation). */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const SOUNDEX: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1', c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/**
 * Phonetic code of one Latin word: Soundex with a few spelling folds first (ph→f, ck→k, romaji
 * long vowels ou/uu→u, sh→s) so that "tarou"/"taro" and "philips"/"filips" share a code.
 * Non-Latin words (kanji) are their own code.
 */
export function phonetic(word: string): string {
  const w = word.toLowerCase().replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/ou|oo|uu/g, 'u').replace(/sh/g, 's')
    .replace(/[^a-z]/g, '');
  if (!w) return word;
  let code = w[0];
  let last = SOUNDEX[w[0]] ?? '';
  for (let i = 1; i < w.length && code.length < 4; i++) {
    const d = SOUNDEX[w[i]] ?? '';
    if (d && d !== last) code += d;
    if (w[i] !== 'h' && w[i] !== 'w') last = d;
  }
  return code.padEnd(4, '0');
}

export function tokens(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
