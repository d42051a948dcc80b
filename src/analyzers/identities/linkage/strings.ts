// String similarity and phonetic codes used by the comparison kinds. Pure functions.

/** Jaro–Winkler similarity in 0..1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedB = new Uint8Array(lb);
  const matchA: number[] = [];
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!matchedB[j] && a.charCodeAt(i) === b.charCodeAt(j)) { matchedB[j] = 1; matchA.push(i); break; }
    }
  }
  const m = matchA.length;
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
