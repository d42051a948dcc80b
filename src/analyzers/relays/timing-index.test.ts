import { describe, expect, it } from 'vitest';
import { sparseBins } from './counts.ts';
import { offEnds } from './onoff.ts';
import { synthRelayDay } from './synth.testing.ts';
import { lowerBoundIn, TimingIndex } from './timing-index.ts';

describe('TimingIndex lays out every series as the per-series helpers would', () => {
  const { conns } = synthRelayDay({ seed: 31, connections: 60, daySeconds: 600, withTiming: true });
  const grid = { idle: 0.5, coarseWidth: 6, half: 0.25 };
  const ix = TimingIndex.build(conns, grid);
  it.each([0, 7, 33, 59])('connection %i, both directions', (ci) => {
    const c = conns[ci];
    for (const d of [0, 1] as const) {
      const k = ix.series(c, d), times = Array.from(c.timing![d].times);
      const half = Array.from(ix.half.subarray(ix.halfAt[k], ix.halfAt[k + 1]), (h) => h + ix.halfBase);
      expect(half).toEqual(times.map((t) => Math.floor(t / grid.half)));
      expect(Array.from(ix.ends.subarray(ix.endsAt[k], ix.endsAt[k + 1]))).toEqual(offEnds(times, grid.idle, -Infinity, Infinity));
      const coarse = sparseBins(times, 0, grid.coarseWidth, -Infinity, Infinity);
      const a = ix.cAt[k], z = ix.cAt[k + 1];
      expect(Array.from(ix.cIdx.subarray(a, z), (b) => b + ix.coarseBase)).toEqual(Array.from(coarse.idx));
      expect(Array.from({ length: z - a }, (_, i) => ix.cPre[a + i + 1] - ix.cPre[a + i])).toEqual(Array.from(coarse.cnt));
      expect(ix.cPre2[z] - ix.cPre2[a]).toBe(Array.from(coarse.cnt).reduce((s, x) => s + x * x, 0));
    }
  });
  it('connections without timing have no series; packetsFrom counts from a time on', () => {
    expect(ix.series({ ...conns[0], timing: undefined }, 0)).toBe(-1);
    const k = ix.series(conns[3], 0), times = conns[3].timing![0].times;
    const t = times[5];
    expect(ix.packetsFrom(k, t)).toBe(times.length - lowerBoundIn(times, 0, times.length, Math.floor(t / 0.25) * 0.25));
  });
});
