// The windowed packet-count correlation of counts.ts (Blum et al.) on the run's TimingIndex, without
// allocating per pair: the leading side of each direction is folded once into a dense scratch row of
// full-width bins; the trailing side is folded once per half-bin alignment (lags of even and odd numbers of
// half bins) into sparse scratch rows with prefix sums. Each lag 0..maxDelay (steps of width/2) is then
// one pass over the trailing side's bins. Window edges snap to the half-bin grid.
import type { CountResult } from './counts.ts';
import { lowerBoundIn, type TimingIndex } from './timing-index.ts';

/** A trailing side folded at one alignment: bins j (ascending) with counts and prefix sums. */
class Folded {
  j = new Int32Array(256); c = new Float64Array(256); pre = new Float64Array(257); pre2 = new Float64Array(257); n = 0;
  fold(half: Int32Array, a: number, z: number, base: number): void {
    if (this.j.length < z - a) {
      const size = 2 * (z - a);
      this.j = new Int32Array(size); this.c = new Float64Array(size); this.pre = new Float64Array(size + 1); this.pre2 = new Float64Array(size + 1);
    }
    let n = 0;
    for (let i = a; i < z; i++) {
      if (half[i] < base) continue;
      const b = (half[i] - base) >> 1;
      if (n && this.j[n - 1] === b) this.c[n - 1]++;
      else { this.j[n] = b; this.c[n++] = 1; }
    }
    for (let i = 0; i < n; i++) { this.pre[i + 1] = this.pre[i] + this.c[i]; this.pre2[i + 1] = this.pre2[i] + this.c[i] * this.c[i]; }
    this.n = n;
  }
}

/** A leading side folded into dense full-width bins [0, bins) of the window starting at half bin lo. */
class Dense {
  row = new Float64Array(1024); sx = 0; sxx = 0; nnz = 0;
  fold(half: Int32Array, a: number, z: number, lo: number, bins: number): void {
    if (this.row.length < bins) this.row = new Float64Array(2 * bins);
    let sxx = 0, nnz = 0;
    for (let i = a; i < z; i++) {
      const j = (half[i] - lo) >> 1, c = this.row[j];
      if (c === 0) nnz++;
      sxx += 2 * c + 1;
      this.row[j] = c + 1;
    }
    this.sx = z - a; this.sxx = sxx; this.nnz = nnz;
  }
  clear(half: Int32Array, a: number, z: number, lo: number): void {
    for (let i = a; i < z; i++) this.row[(half[i] - lo) >> 1] = 0;
  }
}

const lead = [new Dense(), new Dense()];
const trail = [[new Folded(), new Folded()], [new Folded(), new Folded()]];

/** Adds Σy, Σy², Σxy of trailing side f against dense row x at bin shift m. */
function lagTerms(f: Folded, x: Float64Array, m: number, bins: number, acc: Float64Array): void {
  const a = lowerBoundIn(f.j, 0, f.n, m), z = lowerBoundIn(f.j, a, f.n, m + bins);
  let sxy = 0;
  for (let i = a; i < z; i++) sxy += f.c[i] * x[f.j[i] - m];
  acc[0] += f.pre[z] - f.pre[a]; acc[1] += f.pre2[z] - f.pre2[a]; acc[2] += sxy;
}

const acc = new Float64Array(3);

/** Folds series y's packets in half bins [lo, lo + 2·bins + lags) at both alignments into trail[d]. */
function foldTrailing(ix: TimingIndex, d: number, y: number, lo: number, bins: number, lags: number): void {
  const ya = lowerBoundIn(ix.half, ix.halfAt[y], ix.halfAt[y + 1], lo), yz = lowerBoundIn(ix.half, ya, ix.halfAt[y + 1], lo + 2 * bins + lags);
  trail[d][0].fold(ix.half, ya, yz, lo);
  trail[d][1].fold(ix.half, ya, yz, lo + 1);
}

/**
 * Best correlation over lags for series (inUp → outUp trails) and (outDown → inDown trails) of the index
 * over [from, to]; activeBins is counted at lag 0 (fewer non-empty bins of either side, both directions).
 */
export function countCorrelationIndexed(
  ix: TimingIndex, inUp: number, outUp: number, inDown: number, outDown: number, from: number, to: number, width: number, maxDelay: number,
): CountResult {
  const h = width / 2, lo = Math.floor(from / h) - ix.halfBase, hi = Math.floor(to / h) - ix.halfBase;
  const bins = Math.max(1, Math.ceil((hi - lo + 1) / 2));
  const lags = Math.floor((maxDelay + 1e-9) / h);
  const span = ix.halfAt;
  const xa0 = lowerBoundIn(ix.half, span[inUp], span[inUp + 1], lo), xz0 = lowerBoundIn(ix.half, xa0, span[inUp + 1], lo + 2 * bins);
  const xa1 = lowerBoundIn(ix.half, span[outDown], span[outDown + 1], lo), xz1 = lowerBoundIn(ix.half, xa1, span[outDown + 1], lo + 2 * bins);
  foldTrailing(ix, 0, outUp, lo, bins, lags);
  foldTrailing(ix, 1, inDown, lo, bins, lags);
  lead[0].fold(ix.half, xa0, xz0, lo, bins);
  lead[1].fold(ix.half, xa1, xz1, lo, bins);
  const n = 2 * bins, sx = lead[0].sx + lead[1].sx, sxx = lead[0].sxx + lead[1].sxx, vx = sxx - (sx * sx) / n;
  let activeBins = 0;
  for (let d = 0; d < 2; d++) activeBins += Math.min(lead[d].nnz, lowerBoundIn(trail[d][0].j, 0, trail[d][0].n, bins));
  let r = 0, lag = 0;
  for (let k = 0; k <= lags; k++) {
    acc.fill(0);
    for (let d = 0; d < 2; d++) lagTerms(trail[d][k & 1], lead[d].row, k >> 1, bins, acc);
    const vy = acc[1] - (acc[0] * acc[0]) / n;
    const rk = vx > 0 && vy > 0 ? (acc[2] - (sx * acc[0]) / n) / Math.sqrt(vx * vy) : 0;
    if (rk > r) { r = rk; lag = k * h; }
  }
  lead[0].clear(ix.half, xa0, xz0, lo);
  lead[1].clear(ix.half, xa1, xz1, lo);
  return { r, lag, activeBins };
}
