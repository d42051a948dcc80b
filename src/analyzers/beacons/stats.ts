// Robust statistics for beacon scoring, as RITA v5 computes them (activecm/rita analysis/beacons.go,
// quartiles by the montanaflynn/stats "split halves" method). Inputs are sorted ascending.

export function median(sorted: ArrayLike<number>, lo = 0, hi = sorted.length): number {
  const n = hi - lo;
  if (n <= 0) return NaN;
  const mid = lo + (n >> 1);
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Quartiles { q1: number; q2: number; q3: number }

/** Q2 = median; Q1/Q3 = medians of the lower/upper halves (the middle element excluded when n is odd). */
export function quartiles(sorted: ArrayLike<number>): Quartiles {
  const n = sorted.length;
  const half = n >> 1;
  const upperStart = n % 2 === 1 ? half + 1 : half;
  return { q1: median(sorted, 0, half), q2: median(sorted, 0, n), q3: median(sorted, upperStart, n) };
}

/** Median absolute deviation about the median. */
export function medianAbsoluteDeviation(sorted: ArrayLike<number>, med = median(sorted)): number {
  const dev = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) dev[i] = Math.abs(sorted[i] - med);
  dev.sort();
  return median(dev);
}

export interface Skew { skew: number; score: number }

/**
 * Bowley skewness (Q1 + Q3 − 2·Q2) / (Q3 − Q1); score = 1 − |skew|. Taken as 0 when the spread is under
 * 10 units or the median sits on a quartile (RITA: a tight or degenerate distribution is symmetric enough).
 */
export function bowleySkew(sorted: ArrayLike<number>): Skew {
  const { q1, q2, q3 } = quartiles(sorted);
  const den = q3 - q1;
  const skew = den >= 10 && q2 !== q1 && q2 !== q3 ? (q1 + q3 - 2 * q2) / den : 0;
  return { skew, score: 1 - Math.abs(skew) };
}

export interface Dispersion { median: number; mad: number; score: number }

/** MAD score = (median − MAD) / median, clamped to 0..1; `fallback` when the median is below 1. */
export function madScore(sorted: ArrayLike<number>, fallback: number): Dispersion {
  const med = median(sorted);
  const mad = medianAbsoluteDeviation(sorted, med);
  let score = med >= 1 ? (med - mad) / med : fallback;
  if (!(score >= 0)) score = 0;
  return { median: med, mad, score };
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
