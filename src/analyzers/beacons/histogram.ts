// The 24-bin hourly connection histogram of a pair (RITA v5), scored for flatness (coefficient of
// variation) and for two-level "bimodal" patterns. RITA analyses one day at a time, so its 24 equal bins
// over the window are the hours; for a window longer than a day the bins are the hours of the day (UTC),
// folded over the days, so a beacon that ran for part of a long window is still judged on its shape.
import { round3 } from './stats.ts';

export interface HistogramParams {
  bins: number;
  /** Bars whose heights are within this share of the tallest bar count as one mode. */
  modeSensitivity: number;
  /** Bars thrown out as outliers before the bimodal fit. */
  bimodalOutlierRemoval: number;
  /** Fewest non-empty bars for a bimodal fit. */
  bimodalMinBars: number;
}

export interface HistogramResult {
  counts: number[];
  totalBars: number;
  /** Longest run of consecutive non-empty bins, wrapping from the last bin to the first. */
  longestRun: number;
  cvScore: number;
  bimodalScore: number;
  score: number;
}

export function binCounts(t0: number, t1: number, sortedTs: ArrayLike<number>, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const step = (t1 - t0) / bins;
  for (let i = 0; i < sortedTs.length; i++) {
    let b = step > 0 ? Math.floor((sortedTs[i] - t0) / step) : 0;
    if (b < 0) b = 0;
    if (b >= bins) b = bins - 1; // the window's last instant belongs to the last bin
    counts[b]++;
  }
  return counts;
}

/** Connections per UTC hour of day. */
export function hourOfDayCounts(sortedTs: ArrayLike<number>): number[] {
  const counts = new Array<number>(24).fill(0);
  for (let i = 0; i < sortedTs.length; i++) counts[Math.floor((((sortedTs[i] % 86400) + 86400) % 86400) / 3600)]++;
  return counts;
}

export function longestRun(counts: number[]): number {
  let best = 0, run = 0;
  for (let i = 0; i < counts.length * 2; i++) {
    if (counts[i % counts.length] > 0) run++;
    else { best = Math.max(best, run); run = 0; }
  }
  return Math.min(Math.max(best, run), counts.length);
}

export function cvScore(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  const mean = total / counts.length;
  let ss = 0;
  for (const c of counts) ss += (c - mean) ** 2;
  const cv = Math.sqrt(ss / counts.length) / mean;
  return cv > 1 ? 0 : Math.min(1, round3(1 - cv));
}

/** Share of non-empty bars that fall into the two most common bar-height groups. */
export function bimodalScore(counts: number[], p: HistogramParams): number {
  const bars = counts.filter((c) => c > 0);
  const minBars = p.bimodalMinBars < 6 ? 11 : p.bimodalMinBars;
  if (bars.length < minBars) return 0;
  const binSize = Math.ceil(Math.max(...bars) * p.modeSensitivity);
  const groups = new Map<number, number>();
  for (const c of bars) {
    const g = Math.floor(c / binSize) * binSize;
    groups.set(g, (groups.get(g) ?? 0) + 1);
  }
  const sizes = [...groups.values()].sort((a, b) => b - a);
  const fit = ((sizes[0] ?? 0) + (sizes[1] ?? 0)) / Math.max(bars.length - p.bimodalOutlierRemoval, 1);
  return Math.min(1, round3(fit));
}

export function histogramScore(t0: number, t1: number, sortedTs: ArrayLike<number>, p: HistogramParams): HistogramResult {
  const counts = t1 - t0 > 86400 && p.bins === 24 ? hourOfDayCounts(sortedTs) : binCounts(t0, t1, sortedTs, p.bins);
  const cv = cvScore(counts);
  const bimodal = bimodalScore(counts, p);
  return {
    counts, totalBars: counts.filter((c) => c > 0).length, longestRun: longestRun(counts),
    cvScore: cv, bimodalScore: bimodal, score: Math.max(cv, bimodal),
  };
}
