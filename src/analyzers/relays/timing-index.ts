// Packet timing of every connection of one detection run, laid out once in flat typed arrays (no object per
// packet or bin): per connection direction its packets' half-bin indices, its OFF→ON transition times and its
// coarse count bins with prefix sums. Every candidate pair the connection takes part in reads windows out of
// these by binary search. Bin indices count from the run's first half-bin so they fit in 32 bits.
import type { RelayConnection, Timing } from './types.ts';

export interface TimingGrid { idle: number; coarseWidth: number; half: number }

/** First index in [lo, hi) with a[i] >= t (a ascending there), else hi. */
export function lowerBoundIn(a: ArrayLike<number>, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const ascending = (t: ArrayLike<number>): ArrayLike<number> => {
  for (let i = 1; i < t.length; i++) if (t[i] < t[i - 1]) return Float64Array.from(t).sort();
  return t;
};

export class TimingIndex {
  /** Slot of a connection's timing tuple; direction d of slot s is series 2s + d. */
  readonly slotOf = new Map<object, number>();
  halfBase = 0; coarseBase = 0;
  half = new Int32Array(0); halfAt = new Int32Array(1);
  ends = new Float64Array(0); endsAt = new Int32Array(1);
  cIdx = new Int32Array(0); cAt = new Int32Array(1);
  /** Prefix sums over all coarse bins of counts and squared counts: bins [a, z) of one series sum to pre[z] − pre[a]. */
  cPre = new Float64Array(1); cPre2 = new Float64Array(1);

  constructor(readonly grid: TimingGrid) {}

  static build(conns: RelayConnection[], grid: TimingGrid): TimingIndex {
    const ix = new TimingIndex(grid);
    const series: ArrayLike<number>[] = [];
    let t0 = Infinity;
    for (const c of conns) {
      if (!c.timing || ix.slotOf.has(c.timing)) continue;
      ix.slotOf.set(c.timing, series.length / 2);
      for (const t of c.timing as [Timing, Timing]) {
        const times = ascending(t.times);
        series.push(times);
        if (times.length && times[0] < t0) t0 = times[0];
      }
    }
    ix.fill(series, Number.isFinite(t0) ? t0 : 0);
    return ix;
  }

  /** Two passes over every packet: count OFF ends and coarse bins per series, then fill the exact-size arrays. */
  private fill(series: ArrayLike<number>[], t0: number): void {
    const { half, coarseWidth: cw, idle } = this.grid;
    const hb = (this.halfBase = Math.floor(t0 / half)), cb = (this.coarseBase = Math.floor(t0 / cw));
    const n = series.length;
    const halfAt = (this.halfAt = new Int32Array(n + 1)), endsAt = (this.endsAt = new Int32Array(n + 1)), cAt = (this.cAt = new Int32Array(n + 1));
    for (let k = 0; k < n; k++) {
      const t = series[k];
      // edge: where the next coarse bin starts; a division only when a packet reaches it (the bin index
      // is re-checked so rounding at the edge can never open the same bin twice).
      let ends = 0, bins = 0, prev = -Infinity, edge = -Infinity, bin = NaN;
      for (let i = 0; i < t.length; i++) {
        const x = t[i];
        if (x - prev > idle) ends++;
        if (x >= edge) {
          const b = Math.floor(x / cw);
          if (b !== bin) { bins++; bin = b; }
          edge = (b + 1) * cw;
        }
        prev = x;
      }
      halfAt[k + 1] = halfAt[k] + t.length; endsAt[k + 1] = endsAt[k] + ends; cAt[k + 1] = cAt[k] + bins;
    }
    const hIdx = (this.half = new Int32Array(halfAt[n])), e = (this.ends = new Float64Array(endsAt[n]));
    const cIdx = (this.cIdx = new Int32Array(cAt[n])), pre = (this.cPre = new Float64Array(cAt[n] + 1)), pre2 = (this.cPre2 = new Float64Array(cAt[n] + 1));
    let h = 0, m = 0, c = -1, cnt = 0;
    const close = () => { if (c >= 0) { pre[c + 1] = pre[c] + cnt; pre2[c + 1] = pre2[c] + cnt * cnt; } };
    for (let k = 0; k < n; k++) {
      const t = series[k];
      let prev = -Infinity, edge = -Infinity, bin = NaN;
      for (let i = 0; i < t.length; i++) {
        const x = t[i];
        hIdx[h++] = Math.floor(x / half) - hb;
        if (x - prev > idle) e[m++] = x;
        if (x >= edge) {
          const b = Math.floor(x / cw);
          if (b !== bin) { close(); c++; cIdx[c] = b - cb; cnt = 0; bin = b; }
          edge = (b + 1) * cw;
        }
        cnt++;
        prev = x;
      }
    }
    close();
  }

  /** Packets of series k in half bins at or after the one holding time t. */
  packetsFrom(k: number, t: number): number {
    return this.halfAt[k + 1] - lowerBoundIn(this.half, this.halfAt[k], this.halfAt[k + 1], Math.floor(t / this.grid.half) - this.halfBase);
  }

  /** Series number of direction d (0 originator → responder, 1 reverse) of a connection, or -1 without timing. */
  series(c: RelayConnection, d: 0 | 1): number {
    const s = c.timing ? this.slotOf.get(c.timing) : undefined;
    return s === undefined ? -1 : 2 * s + d;
  }
}
