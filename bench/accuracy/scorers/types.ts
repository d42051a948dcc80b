// A scorer compares one analyzer's findings with the simulator's ground truth.
import type { Finding } from '../../../src/core/types.ts';
import type { GroundTruth } from '../../../src/sim/ground-truth.ts';

export interface Score { tp: number; fp: number; fn: number; extra?: Record<string, number | string> }
export type Scorer = (findings: Finding[], truth: GroundTruth) => Score;

export function prf(s: Pick<Score, 'tp' | 'fp' | 'fn'>): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Set comparison: predicted vs true keys. */
export function compareSets(predicted: Set<string>, truth: Set<string>): Pick<Score, 'tp' | 'fp' | 'fn'> {
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  return { tp, fp: predicted.size - tp, fn: truth.size - tp };
}
