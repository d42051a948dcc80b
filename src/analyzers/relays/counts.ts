// Packet-count correlation in windows (in the manner of Blum, Song & Venkataraman, RAID 2004): payload
// packets counted in bins of width w over the overlap, Pearson correlation of the inbound and outbound
// counts, maximised over relay delays 0..maxDelay in steps of w/2. Robust to added delay (the lag search),
// chaff (extra packets only dilute the correlation) and repacketisation (counts scale, correlation stays).
// Bins are sparse (index → count) so long idle sessions cost nothing.
import { lowerBoundIn } from './timing-index.ts';

export interface SparseBins { idx: Int32Array; cnt: Float64Array }

/** First index with times[i] >= t (times ascending). */
export const lowerBound = (times: ArrayLike<number>, t: number): number => lowerBoundIn(times, 0, times.length, t);

export function sparseBins(times: ArrayLike<number>, origin: number, width: number, from: number, to: number): SparseBins {
  const first = lowerBound(times, from);
  let last = first;
  while (last < times.length && times[last] <= to) last++;
  const idx = new Int32Array(last - first), cnt = new Float64Array(last - first);
  let n = 0;
  for (let i = first; i < last; i++) {
    const b = Math.floor((times[i] - origin) / width);
    if (n && idx[n - 1] === b) cnt[n - 1]++;
    else { idx[n] = b; cnt[n] = 1; n++; }
  }
  return { idx: idx.subarray(0, n), cnt: cnt.subarray(0, n) };
}

/** Accumulates Pearson sums over two sparse series on the same bin grid (n = number of bins). */
export class PearsonSums {
  sx = 0; sy = 0; sxx = 0; syy = 0; sxy = 0; n = 0;
  add(x: SparseBins, y: SparseBins, bins: number): void {
    this.n += bins;
    for (let i = 0; i < x.cnt.length; i++) { this.sx += x.cnt[i]; this.sxx += x.cnt[i] * x.cnt[i]; }
    for (let j = 0; j < y.cnt.length; j++) { this.sy += y.cnt[j]; this.syy += y.cnt[j] * y.cnt[j]; }
    let i = 0, j = 0;
    while (i < x.idx.length && j < y.idx.length) {
      if (x.idx[i] < y.idx[j]) i++;
      else if (x.idx[i] > y.idx[j]) j++;
      else { this.sxy += x.cnt[i++] * y.cnt[j++]; }
    }
  }
  reset(): this { this.sx = this.sy = this.sxx = this.syy = this.sxy = this.n = 0; return this; }

  /**
   * Adds two series given as bins [xa, xz) and [ya, yz) of one flat index array `idx` (same grid), with
   * prefix sums `pre`/`pre2` of counts and squared counts over that array (timing-index.ts).
   */
  addPrefixed(idx: Int32Array, pre: Float64Array, pre2: Float64Array, xa: number, xz: number, ya: number, yz: number, bins: number): void {
    this.n += bins;
    this.sx += pre[xz] - pre[xa]; this.sxx += pre2[xz] - pre2[xa];
    this.sy += pre[yz] - pre[ya]; this.syy += pre2[yz] - pre2[ya];
    let i = xa, j = ya, s = 0;
    while (i < xz && j < yz) {
      if (idx[i] < idx[j]) i++;
      else if (idx[i] > idx[j]) j++;
      else { s += (pre[i + 1] - pre[i]) * (pre[j + 1] - pre[j]); i++; j++; }
    }
    this.sxy += s;
  }

  r(): number {
    const { n, sx, sy } = this;
    if (n < 2) return 0;
    const vx = this.sxx - (sx * sx) / n, vy = this.syy - (sy * sy) / n;
    if (vx <= 0 || vy <= 0) return 0;
    return (this.sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
  }
}

export interface CountInput { inUp: ArrayLike<number>; outUp: ArrayLike<number>; inDown: ArrayLike<number>; outDown: ArrayLike<number> }
export interface CountResult { r: number; lag: number; activeBins: number }

/** Best correlation over lags; up: outbound trails inbound by lag; down: inbound trails outbound by lag. */
export function countCorrelation(s: CountInput, from: number, to: number, width: number, maxDelay: number, step = width / 2): CountResult {
  const bins = Math.max(1, Math.ceil((to - from) / width));
  const inUp = sparseBins(s.inUp, from, width, from, to);
  const outDown = sparseBins(s.outDown, from, width, from, to);
  let best: CountResult = { r: 0, lag: 0, activeBins: 0 };
  for (let lag = 0; lag <= maxDelay + 1e-9; lag += step) {
    const outUp = sparseBins(s.outUp, from + lag, width, from + lag, to + lag);
    const inDown = sparseBins(s.inDown, from + lag, width, from + lag, to + lag);
    if (lag === 0) best.activeBins = Math.min(inUp.idx.length, outUp.idx.length) + Math.min(outDown.idx.length, inDown.idx.length);
    const sums = new PearsonSums();
    sums.add(inUp, outUp, bins);
    sums.add(outDown, inDown, bins);
    const r = sums.r();
    if (r > best.r) best = { r, lag, activeBins: best.activeBins };
  }
  return best;
}
