// Fellegi–Sunter model: u probabilities from random pairs (almost all non-matches), m probabilities
// and the match prior λ by EM over the candidate pairs' agreement levels (no labels), and a
// term-frequency adjustment of the top level (agreeing on a common value is weaker evidence).
import { mulberry32 } from '../../../core/random.ts';
import { KIND_DEFS } from './kinds.ts';
import { compareInto, fieldName, type PreparedSet } from './prepared.ts';

export interface Model {
  fields: string[];
  levels: string[][];
  m: number[][];
  u: number[][];
  /** log2(m/u) per field and level. */
  weight: number[][];
  lambda: number;
  iterations: number;
}

const FLOOR = 1e-5;
const M_FLOOR = 5e-4;
const PRIOR_MATCHES = 10;

/** u from `samples` random pairs (in linkage mode, one record from each side). */
export function estimateU(p: PreparedSet, samples: number, seed: number, link: boolean): number[][] {
  const rand = mulberry32(seed);
  const n = p.ids.length;
  const F = p.fields.length;
  const counts = p.fields.map((f) => new Float64Array(KIND_DEFS[f.kind].levels.length).fill(0.5));
  const levels = new Int8Array(F);
  const left = link ? [...p.source.keys()].filter((i) => p.source[i] === 0) : [];
  const right = link ? [...p.source.keys()].filter((i) => p.source[i] === 1) : [];
  for (let s = 0; s < samples; s++) {
    const i = link ? left[Math.floor(rand() * left.length)] : Math.floor(rand() * n);
    const j = link ? right[Math.floor(rand() * right.length)] : Math.floor(rand() * n);
    if (i === j || i === undefined || j === undefined) continue;
    compareInto(p, i, j, levels, 0);
    for (let k = 0; k < F; k++) if (levels[k] >= 0) counts[k][levels[k]]++;
  }
  return counts.map((c) => normalise([...c]));
}

function normalise(v: number[]): number[] {
  const sum = v.reduce((a, b) => a + b, 0);
  return v.map((x) => Math.max(FLOOR, x / sum));
}

function initialM(levelCount: number): number[] {
  // Most matches agree exactly; the rest spread over the partial levels.
  const m = Array.from({ length: levelCount }, (_, l) => (l === 0 ? 0.05 : 0.15 / Math.max(1, levelCount - 2)));
  m[levelCount - 1] = 0.8;
  return normalise(m);
}

export interface EmSession { m: number[][]; lambda: number; rows: number; iterations: number }

/**
 * EM over agreement vectors `levels` (rows of F) with u fixed. Only `active` fields take part; the
 * others (those a blocking rule was built from, which agree by construction) are ignored. With
 * `updateM` false only the prior λ is re-estimated.
 */
export function emSession(levels: Int8Array, rows: number, u: number[][], m0: number[][], active: boolean[],
  updateM = true, maxIter = 40): EmSession {
  const F = u.length;
  let m = m0.map((x) => [...x]);
  let lambda = 0.1;
  let it = 0;
  const post = new Float64Array(rows);
  for (; it < maxIter; it++) {
    const wm = m.map((mk, k) => mk.map((x, l) => (active[k] ? Math.log(x / u[k][l]) : 0)));
    const prior = Math.log(lambda / (1 - lambda));
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      let w = prior;
      for (let k = 0; k < F; k++) { const l = levels[r * F + k]; if (l >= 0) w += wm[k][l]; }
      post[r] = 1 / (1 + Math.exp(-w));
      sum += post[r];
    }
    const nextLambda = Math.min(0.999, Math.max(1e-6, sum / Math.max(1, rows)));
    let delta = Math.abs(nextLambda - lambda);
    lambda = nextLambda;
    if (updateM) {
      // Dirichlet prior (PRIOR_MATCHES pseudo-matches spread like m0): small candidate sets cannot
      // collapse m onto one level; large ones outweigh it at once.
      const acc = m0.map((mk) => Float64Array.from(mk, (x) => x * PRIOR_MATCHES));
      for (let r = 0; r < rows; r++) {
        for (let k = 0; k < F; k++) { const l = levels[r * F + k]; if (l >= 0 && active[k]) acc[k][l] += post[r]; }
      }
      const next = acc.map((a, k) => (active[k] ? normalise([...a]) : m[k]));
      delta = Math.max(delta, ...next.flatMap((mk, k) => mk.map((x, l) => Math.abs(x - m[k][l]))));
      m = next;
    }
    if (delta < 1e-5) break;
  }
  return { m, lambda, rows, iterations: it };
}

export interface TrainingSet { levels: Int8Array; rows: number; excluded: number[]; name: string }

/**
 * m per field = the average of the EM sessions (one per blocking rule's pairs) in which that field
 * was not part of the rule, weighted by each session's expected matches; then λ over all candidates.
 */
export function trainModel(p: PreparedSet, sets: TrainingSet[], all: { levels: Int8Array; rows: number }, u: number[][]): Model {
  const F = p.fields.length;
  const levelNames = p.fields.map((f) => KIND_DEFS[f.kind].levels);
  const m0 = levelNames.map((l) => initialM(l.length));
  const sums = levelNames.map((l) => new Float64Array(l.length));
  const weights = new Float64Array(F);
  let iterations = 0;
  for (const set of sets) {
    if (set.rows < 10) continue;
    const active = p.fields.map((_, k) => !set.excluded.includes(k));
    const s = emSession(set.levels, set.rows, u, m0, active);
    iterations += s.iterations;
    const mass = s.lambda * s.rows;
    for (let k = 0; k < F; k++) {
      if (!active[k]) continue;
      weights[k] += mass;
      s.m[k].forEach((x, l) => { sums[k][l] += x * mass; });
    }
  }
  const fallback = emSession(all.levels, all.rows, u, m0, p.fields.map(() => true));
  // m is floored at M_FLOOR: no single disagreement may cost more than ~11 bits (typos happen in every field).
  const m = sums.map((s, k) => (weights[k] > 0 ? normalise([...s].map((x) => x / weights[k])) : fallback.m[k]))
    .map((mk) => normalise(mk.map((x) => Math.max(M_FLOOR, x))));
  const final = emSession(all.levels, all.rows, u, m, p.fields.map(() => true), false);
  const weight = m.map((mk, k) => monotoneWeights(mk, u[k]));
  return { fields: p.fields.map(fieldName), levels: levelNames, m, u, weight, lambda: final.lambda, iterations: iterations + final.iterations };
}

/**
 * Levels are ordered from disagree to exact, so a stronger agreement must not weigh less than a weaker
 * one. Where the estimates say otherwise (sparse levels), adjacent levels are pooled — m and u summed —
 * until the weights rise monotonically (pool-adjacent-violators).
 */
export function monotoneWeights(m: number[], u: number[]): number[] {
  const blocks: { m: number; u: number; n: number }[] = [];
  for (let l = 0; l < m.length; l++) {
    blocks.push({ m: m[l], u: u[l], n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (Math.log2(a.m / a.u) <= Math.log2(b.m / b.u)) break;
      blocks.splice(-2, 2, { m: a.m + b.m, u: a.u + b.u, n: a.n + b.n });
    }
  }
  return blocks.flatMap((b) => Array<number>(b.n).fill(Math.log2(b.m / b.u)));
}

/**
 * Term-frequency adjustment (bits) per field and record for a top-level agreement on that record's
 * value. A pair can only agree on a value held by c ≥ 2 records, and the chance that a non-matching
 * record shares it grows with c − 1; the top-level u already averages over the values pairs agree on.
 * So the adjustment is log2(E[c − 1] / (c_v − 1)), E taken over agreeing pairs: a value no commoner
 * than the usual shared value keeps the full weight, a value held by many loses bits (bounded to
 * [-8, +4] so no single value decides alone).
 */
export function tfAdjustments(p: PreparedSet, model: Model): Float32Array[] {
  return p.fields.map((f, k) => {
    const def = KIND_DEFS[f.kind];
    let pairs = 0;
    let weighted = 0;
    for (const c of p.tf[k].values()) { if (c > 1) { pairs += c * (c - 1); weighted += c * (c - 1) * (c - 1); } }
    const typical = pairs ? weighted / pairs : 1;
    const out = new Float32Array(p.ids.length);
    for (let i = 0; i < out.length; i++) {
      const value = p.columns[k][i];
      if (value === null) continue;
      const c = p.tf[k].get(def.tfKey(value)) ?? 1;
      if (c > 1) out[i] = Math.max(-8, Math.min(4, Math.log2(typical / (c - 1))));
    }
    return out;
  });
}

/** Match weight (bits) of one pair given its levels; also fills per-field contributions when asked. */
export function pairWeight(adj: Float32Array[], model: Model, i: number, levels: Int8Array, offset: number, parts?: Float32Array): number {
  let w = Math.log2(model.lambda / (1 - model.lambda));
  for (let k = 0; k < model.weight.length; k++) {
    const l = levels[offset + k];
    let wk = 0;
    if (l >= 0) {
      wk = model.weight[k][l];
      if (l === model.weight[k].length - 1 && wk > 0) wk = Math.max(0.5, wk + adj[k][i]);
    }
    if (parts) parts[k] = wk;
    w += wk;
  }
  return w;
}

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
