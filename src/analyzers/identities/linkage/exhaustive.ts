// Every pair scored with a trained model (the all-pairs baseline blocking is measured against).
// Only pairs with a non-negligible match probability are kept; the others count as 0 in cohesion.
import type { ScoredPairs } from './cluster.ts';
import { pairWeight, tfAdjustments, type Model } from './model.ts';
import { compareInto, type PreparedSet } from './prepared.ts';

export function exhaustiveScores(p: PreparedSet, model: Model, keepAbove = -10, link = false): { kept: ScoredPairs; compared: number } {
  const n = p.ids.length;
  const F = p.fields.length;
  const adj = tfAdjustments(p, model);
  const levels = new Int8Array(F);
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  let compared = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (link && p.source[i] === p.source[j]) continue;
      compareInto(p, i, j, levels, 0);
      compared++;
      const weight = pairWeight(adj, model, i, levels, 0);
      if (weight > keepAbove) { a.push(i); b.push(j); w.push(weight); }
    }
  }
  return { kept: { a: Uint32Array.from(a), b: Uint32Array.from(b), w: Float32Array.from(w), length: a.length }, compared };
}
