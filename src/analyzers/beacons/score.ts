// RITA v5-style beacon score of one (src, dst[, dport]) pair from its connection times and sizes.
// Four sub-scores in 0..1, weighted (weights sum to 1): timestamp regularity, data-size regularity,
// histogram shape over the observation window, and duration/coverage of the window.
import { histogramScore, type HistogramParams } from './histogram.ts';
import { bowleySkew, madScore, round3 } from './stats.ts';

export interface BeaconParams extends HistogramParams {
  weights: { ts: number; ds: number; hist: number; dur: number };
  /** Duration is scored only when at least this many histogram bins have connections. */
  durMinBars: number;
  /** A run of this many consecutive non-empty bins counts as fully consistent. */
  durIdealRun: number;
}

export const RITA_DEFAULTS: BeaconParams = {
  weights: { ts: 0.25, ds: 0.25, hist: 0.25, dur: 0.25 },
  bins: 24, modeSensitivity: 0.05, bimodalOutlierRemoval: 1, bimodalMinBars: 11,
  durMinBars: 6, durIdealRun: 12,
};

export interface PairSeries {
  /** Connection start times, epoch seconds, ascending (duplicates allowed). */
  ts: ArrayLike<number>;
  /** Originator bytes per connection. */
  bytes: ArrayLike<number>;
  /** Observation window of the sensor/org that saw the pair. */
  windowStart: number;
  windowEnd: number;
}

export interface BeaconComponents {
  ts_score: number; ts_skew: number; ts_mad: number; ts_median_interval: number;
  ds_score: number; ds_skew: number; ds_mad: number; ds_median_bytes: number;
  hist_score: number; hist_cv_score: number; hist_bimodal_score: number; hist_bars: number; hist_counts: number[];
  dur_score: number; dur_coverage: number; dur_consistency: number; dur_longest_run: number;
}

export interface BeaconScore { score: number; components: BeaconComponents }

/** Non-zero intervals between whole-second timestamps, sorted (RITA drops zero gaps from duplicates). */
export function intervals(ts: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 1; i < ts.length; i++) {
    const d = Math.floor(ts[i]) - Math.floor(ts[i - 1]);
    if (d > 0) out.push(d);
  }
  return Float64Array.from(out).sort();
}

/** `runHours`: the longest run of non-empty bins in hours when bins are not the window's own 24ths. */
export function durationScore(s: PairSeries, totalBars: number, run: number, p: BeaconParams, runHours?: number) {
  if (totalBars < p.durMinBars || s.windowEnd <= s.windowStart) return { score: 0, coverage: 0, consistency: 0 };
  const first = s.ts[0], last = s.ts[s.ts.length - 1];
  const coverage = Math.min(1, Math.ceil(((last - first) / (s.windowEnd - s.windowStart)) * 1000) / 1000);
  const consistency = Math.min(1, Math.ceil(((runHours ?? run) / p.durIdealRun) * 1000) / 1000);
  return { score: Math.max(coverage, consistency), coverage, consistency };
}

/** Null when the series cannot be scored: fewer than 4 times or fewer than 3 non-zero intervals. */
export function scoreBeacon(s: PairSeries, p: BeaconParams = RITA_DEFAULTS): BeaconScore | null {
  if (s.ts.length < 4) return null;
  const gaps = intervals(s.ts);
  if (gaps.length < 3) return null;
  const tsSkew = bowleySkew(gaps);
  const tsMad = madScore(gaps, 1);
  const sizes = Float64Array.from(s.bytes).sort();
  const dsSkew = bowleySkew(sizes);
  const dsMad = madScore(sizes, 0);
  const hist = histogramScore(s.windowStart, s.windowEnd, s.ts, p);
  const ownSpan = s.windowEnd - s.windowStart > 86400 && hist.binHours !== 1;
  const dur = durationScore(s, hist.totalBars, hist.longestRun, p, ownSpan ? hist.longestRun * hist.binHours : undefined);
  const c: BeaconComponents = {
    ts_score: round3((tsSkew.score + tsMad.score) / 2), ts_skew: round3(tsSkew.skew), ts_mad: tsMad.mad,
    ts_median_interval: tsMad.median,
    ds_score: round3((dsSkew.score + dsMad.score) / 2), ds_skew: round3(dsSkew.skew), ds_mad: dsMad.mad,
    ds_median_bytes: dsMad.median,
    hist_score: hist.score, hist_cv_score: hist.cvScore, hist_bimodal_score: hist.bimodalScore,
    hist_bars: hist.totalBars, hist_counts: hist.counts,
    dur_score: dur.score, dur_coverage: dur.coverage, dur_consistency: dur.consistency, dur_longest_run: hist.longestRun,
  };
  const w = p.weights;
  const score = round3(c.ts_score * w.ts + c.ds_score * w.ds + c.hist_score * w.hist + c.dur_score * w.dur);
  return { score, components: c };
}
