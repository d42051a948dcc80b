// The 24-bin hourly connection histogram of a pair (RITA v5), scored for flatness (coefficient of
// variation) and for two-level "bimodal" patterns. RITA analyses one day at a time, so its 24 equal bins
// over the window are the hours. For a window longer than a day: a pair active for a day or more is binned
// by hour of day (UTC, folded over the days); a pair active for less than a day gets RITA's 24 equal bins
// over its own span (fewer when it has fewer intervals), so a beacon that started late in a long window is judged on its shape, and the
// duration score then counts its runs in hours (`binHours`).
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
  /** Length of one bin in hours (1 for hour-of-day folding). */
  binHours: number;
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
  const first = sortedTs[0], last = sortedTs[sortedTs.length - 1];
  let counts: number[];
  let binHours = (t1 - t0) / p.bins / 3600;
  if (t1 - t0 <= 86400 || p.bins !== 24) counts = binCounts(t0, t1, sortedTs, p.bins);
  else if (last - first >= 86400) { counts = hourOfDayCounts(sortedTs); binHours = 1; }
  else {
    const bins = Math.max(6, Math.min(p.bins, sortedTs.length - 1)); // no more bins than intervals: sparse is not uneven
    counts = binCounts(first, last, sortedTs, bins);
    binHours = (last - first) / bins / 3600;
  }
  const cv = cvScore(counts);
  const bimodal = bimodalScore(counts, p);
  return {
    counts, binHours, totalBars: counts.filter((c) => c > 0).length, longestRun: longestRun(counts),
    cvScore: cv, bimodalScore: bimodal, score: Math.max(cv, bimodal),
  };
}
