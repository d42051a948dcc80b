// Clustering of scored pairs. Links above the threshold are merged strongest first, but two groups
// merge only when the pairs compared across them are, on average, likely matches (cohesion): one
// strong-looking bridge between two otherwise dissimilar groups is refused and recorded.
import { probability } from './model.ts';

export interface ScoredPairs { a: Uint32Array; b: Uint32Array; w: Float32Array; length: number }
export interface Refusal { a: number; b: number; weight: number; cohesion: number }
export interface Clustering { clusterOf: Int32Array; members: Map<number, number[]>; accepted: number[]; refused: Refusal[] }

export interface ClusterOptions {
  threshold: number;
  cohesion: number;
  /** Every pair was compared and pairs not kept count as probability 0. */
  exhaustive?: boolean;
  /** Weight of a pair blocking never compared: merges compare every cross pair, so chains cannot slip through. */
  scorePair?: (i: number, j: number) => number;
  /** Largest |A|·|B| compared in full at a merge (bigger merges use the compared pairs only). */
  maxCrossPairs?: number;
}

/** Compressed adjacency: for record i, pair indices adjStart[i]..adjStart[i+1]. */
function adjacency(n: number, pairs: ScoredPairs): { start: Uint32Array; list: Uint32Array } {
  const start = new Uint32Array(n + 1);
  for (let r = 0; r < pairs.length; r++) { start[pairs.a[r] + 1]++; start[pairs.b[r] + 1]++; }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Uint32Array(pairs.length * 2);
  for (let r = 0; r < pairs.length; r++) { list[fill[pairs.a[r]]++] = r; list[fill[pairs.b[r]]++] = r; }
  return { start, list };
}

export function clusterPairs(n: number, pairs: ScoredPairs, opts: ClusterOptions): Clustering {
  const minWeight = Math.log2(opts.threshold / (1 - opts.threshold));
  const links: number[] = [];
  for (let r = 0; r < pairs.length; r++) if (pairs.w[r] >= minWeight) links.push(r);
  links.sort((x, y) => pairs.w[y] - pairs.w[x]);
  const { start, list } = adjacency(n, pairs);
  const clusterOf = new Int32Array(n).map((_, i) => i);
  const members = new Map<number, number[]>();
  const accepted: number[] = [];
  const refused: Refusal[] = [];
  const membersOf = (c: number) => members.get(c) ?? [c];
  for (const r of links) {
    const ca = clusterOf[pairs.a[r]];
    const cb = clusterOf[pairs.b[r]];
    if (ca === cb) { accepted.push(r); continue; }
    const [small, big] = membersOf(ca).length <= membersOf(cb).length ? [ca, cb] : [cb, ca];
    const cohesion = crossCohesion(membersOf(small), membersOf(big), big, clusterOf, pairs, start, list, opts);
    if (cohesion < opts.cohesion) { refused.push({ a: pairs.a[r], b: pairs.b[r], weight: pairs.w[r], cohesion }); continue; }
    const merged = membersOf(big).concat(membersOf(small));
    for (const i of membersOf(small)) clusterOf[i] = big;
    members.set(big, merged);
    members.delete(small);
    accepted.push(r);
  }
  return { clusterOf, members, accepted, refused };
}

/**
 * Mean match probability over the pairs between two groups: pairs blocking compared use their score,
 * the others are scored now (scorePair) when the groups are small enough; in exhaustive mode pairs
 * not kept (very unlikely matches) count as probability 0.
 */
function crossCohesion(small: number[], bigMembers: number[], big: number, clusterOf: Int32Array, pairs: ScoredPairs,
  start: Uint32Array, list: Uint32Array, opts: ClusterOptions): number {
  let sum = 0;
  let count = 0;
  const seen = new Set<number>();
  const full = opts.scorePair && small.length * bigMembers.length <= (opts.maxCrossPairs ?? 5000);
  for (const i of small) {
    if (full) seen.clear();
    for (let x = start[i]; x < start[i + 1]; x++) {
      const r = list[x];
      const other = pairs.a[r] === i ? pairs.b[r] : pairs.a[r];
      if (clusterOf[other] !== big) continue;
      sum += probability(pairs.w[r]);
      count++;
      if (full) seen.add(other);
    }
    if (full) {
      for (const j of bigMembers) if (!seen.has(j)) { sum += probability(opts.scorePair!(i, j)); count++; }
    }
  }
  if (opts.exhaustive) count = small.length * bigMembers.length;
  return count ? sum / count : 0;
}
