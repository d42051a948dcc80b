// Packet-count correlation in windows (in the manner of Blum, Song & Venkataraman, RAID 2004): payload
// packets counted in bins of width w over the overlap, Pearson correlation of the inbound and outbound
// counts, maximised over relay delays 0..maxDelay in steps of w/4. Robust to added delay (the lag search),
// chaff (extra packets only dilute the correlation) and repacketisation (counts scale, correlation stays).
// Bins are sparse (index → count) so long idle sessions cost nothing.

export interface SparseBins { idx: Int32Array; cnt: Float64Array }

export function sparseBins(times: ArrayLike<number>, origin: number, width: number, from: number, to: number): SparseBins {
  const idx: number[] = [], cnt: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t < from) continue;
    if (t > to) break;
    const b = Math.floor((t - origin) / width);
    if (idx.length && idx[idx.length - 1] === b) cnt[cnt.length - 1]++;
    else { idx.push(b); cnt.push(1); }
  }
  return { idx: Int32Array.from(idx), cnt: Float64Array.from(cnt) };
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
export function countCorrelation(s: CountInput, from: number, to: number, width: number, maxDelay: number): CountResult {
  const bins = Math.max(1, Math.ceil((to - from) / width));
  const inUp = sparseBins(s.inUp, from, width, from, to);
  const outDown = sparseBins(s.outDown, from, width, from, to);
  const activeBins = Math.min(inUp.idx.length, sparseBins(s.outUp, from, width, from, to).idx.length) +
    Math.min(outDown.idx.length, sparseBins(s.inDown, from, width, from, to).idx.length);
  let best: CountResult = { r: 0, lag: 0, activeBins };
  const step = width / 4;
  for (let lag = 0; lag <= maxDelay + 1e-9; lag += step) {
    const sums = new PearsonSums();
    sums.add(inUp, sparseBins(s.outUp, from + lag, width, from + lag, to + lag), bins);
    sums.add(outDown, sparseBins(s.inDown, from + lag, width, from + lag, to + lag), bins);
    const r = sums.r();
    if (r > best.r) best = { r, lag, activeBins };
  }
  return best;
}
