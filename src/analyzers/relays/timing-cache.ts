// Per-connection precomputation reused by every candidate pair the connection takes part in: OFF→ON
// transition times over the whole lifetime, coarse count bins and half-width bins on an absolute grid. A pair then only
// cuts its window out of them by binary search instead of rescanning packet times.
import { lowerBound, sparseBins, type SparseBins } from './counts.ts';
import { offEnds } from './onoff.ts';
import type { Timing } from './types.ts';

interface Prepared { idle: number; width: number; half: number; ends: Float64Array; coarse: SparseBins; halves: SparseBins }
const cache = new WeakMap<Timing, Prepared>();

export function prepared(t: Timing, idle: number, width: number, half: number): Prepared {
  let p = cache.get(t);
  if (!p || p.idle !== idle || p.width !== width || p.half !== half) {
    const n = t.times.length;
    p = {
      idle, width, half,
      halves: n ? sparseBins(t.times, 0, half, -Infinity, Infinity) : { idx: new Int32Array(0), cnt: new Float64Array(0) },
      ends: Float64Array.from(offEnds(t.times, idle, -Infinity, Infinity)),
      coarse: n ? sparseBins(t.times, 0, width, -Infinity, Infinity) : { idx: new Int32Array(0), cnt: new Float64Array(0) },
    };
    cache.set(t, p);
  }
  return p;
}

/** OFF-end times within [from, to] (a view, no copy). */
export function endsIn(p: Prepared, from: number, to: number): Float64Array {
  return p.ends.subarray(lowerBound(p.ends, from), lowerBound(p.ends, to + 1e-9));
}

/** Coarse bins whose index falls in the window [from, to] (views). */
export function coarseIn(p: Prepared, from: number, to: number): SparseBins {
  const lo = lowerBound(p.coarse.idx, Math.floor(from / p.width));
  const hi = lowerBound(p.coarse.idx, Math.floor(to / p.width) + 1);
  return { idx: p.coarse.idx.subarray(lo, hi), cnt: p.coarse.cnt.subarray(lo, hi) };
}
