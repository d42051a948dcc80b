import { describe, expect, it } from 'vitest';
import { countCorrelation, PearsonSums, sparseBins } from './counts.ts';
import { countCorrelationIndexed } from './lag-search.ts';
import { TimingIndex } from './timing-index.ts';
import type { RelayConnection } from './types.ts';

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
function keystrokes(seed: number, n: number, start = 0): number[] {
  const r = lcg(seed);
  const out: number[] = [];
  let t = start;
  for (let i = 0; i < n; i++) { t += r() < 0.15 ? 1 + 4 * r() : 0.08 + 0.3 * r(); out.push(t); }
  return out;
}

describe('sparseBins and Pearson sums', () => {
  it('bins counts and skips empty bins', () => {
    const b = sparseBins([0.1, 0.2, 1.6, 1.7, 1.8], 0, 0.5, 0, 10);
    expect([...b.idx]).toEqual([0, 3]);
    expect([...b.cnt]).toEqual([2, 3]);
  });
  it('matches the dense Pearson correlation', () => {
    const x = sparseBins([0.1, 0.2, 1.1, 3.2], 0, 1, 0, 5), y = sparseBins([0.3, 1.2, 1.3, 2.5], 0, 1, 0, 5);
    const s = new PearsonSums(); s.add(x, y, 5);
    const dx = [2, 1, 0, 1, 0], dy = [1, 2, 1, 0, 0];
    const m = (a: number[]) => a.reduce((p, q) => p + q) / a.length;
    const cov = dx.reduce((acc, v, i) => acc + (v - m(dx)) * (dy[i] - m(dy)), 0);
    const sd = (a: number[]) => Math.sqrt(a.reduce((acc, v) => acc + (v - m(a)) ** 2, 0));
    expect(s.r()).toBeCloseTo(cov / (sd(dx) * sd(dy)), 10);
  });
});

describe('countCorrelation is robust to delay, chaff and repacketisation', () => {
  const up = keystrokes(1, 300);
  const down = up.map((t) => t + 0.02);
  const end = up[up.length - 1] + 1;
  const cases: Array<[string, number[], number[], number]> = [
    ['relayed with 1 ms delay', up.map((t) => t + 0.001), down.map((t) => t - 0.001), 0.85],
    ['relayed with 1.3 s added delay', up.map((t) => t + 1.3), down.map((t) => t - 1.3), 0.6],
    ['relayed plus 50% chaff', [...up.map((t) => t + 0.002), ...keystrokes(7, 150)].sort((a, b) => a - b), down.map((t) => t - 0.001), 0.5],
    ['repacketised: keystrokes merged in pairs', up.filter((_, i) => i % 2 === 0).map((t) => t + 0.05), down.filter((_, i) => i % 2 === 0).map((t) => t - 0.05), 0.5],
  ];
  for (const [name, outUp, outDown, min] of cases) {
    it(name, () => {
      const r = countCorrelation({ inUp: up, outUp, inDown: down, outDown }, 0, end, 0.5, 3);
      expect(r.r).toBeGreaterThan(min);
    });
  }
  it('an independent session does not correlate', () => {
    const other = keystrokes(99, 300);
    const r = countCorrelation({ inUp: up, outUp: other, inDown: down, outDown: other.map((t) => t + 0.02) }, 0, end, 0.5, 3);
    expect(r.r).toBeLessThan(0.3);
  });
});

describe('countCorrelationIndexed (run TimingIndex, scratch rows) equals countCorrelation on the grid', () => {
  const conn = (up: number[], down: number[]): RelayConnection =>
    ({ id: '', proto: 'tcp', src: 'a', sport: 1, dst: 'b', dport: 2, start: 0, end: 1, sensor: 's', bytes: null, pkts: null, timing: [{ times: up, sizes: up }, { times: down, sizes: down }] });
  it.each([[100, 0.9], [1_476_000_000, 0.9], [1_476_000_000, 2.6], [1_476_000_000.25, 0.001]])('window from %d, relay delay %d s', (t0, delay) => {
    const up = keystrokes(5, 200, t0), down = up.map((t) => t + 0.02), outUp = up.map((t) => t + delay), outDown = down.map((t) => t - delay);
    const to = up[up.length - 1];
    const a = countCorrelation({ inUp: up, outUp, inDown: down, outDown }, t0, to, 0.5, 3);
    const inb = conn(up, down), out = conn(outUp, outDown);
    const ix = TimingIndex.build([inb, out], { idle: 0.5, coarseWidth: 6, half: 0.25 });
    const b = countCorrelationIndexed(ix, ix.series(inb, 0), ix.series(out, 0), ix.series(inb, 1), ix.series(out, 1), t0, to, 0.5, 3);
    expect(b.lag).toBeCloseTo(a.lag, 9);
    expect(b.r).toBeCloseTo(a.r, 1);
    expect(b.r).toBeGreaterThan(0.8);
    expect(Math.abs(b.activeBins - a.activeBins)).toBeLessThanOrEqual(2);
  });
});

describe('PearsonSums over prefix-summed flat bins equals cutting the windows', () => {
  it.each([[0, 0], [3, 5], [-2, 4]])('x from bin %i, y from bin %i', (xFrom, yFrom) => {
    const tx = keystrokes(21, 120), ty = keystrokes(22, 140);
    const bins = 25;
    const x = sparseBins(tx, 0, 1, xFrom, xFrom + bins - 1e-9), y = sparseBins(ty, 0, 1, yFrom, yFrom + bins - 1e-9);
    // Both series on one flat array, y's bin indices shifted so the same window index lines up.
    const idx = Int32Array.from([...x.idx, ...Array.from(y.idx, (i) => i - yFrom + xFrom)]), cnt = [...x.cnt, ...y.cnt];
    const pre = new Float64Array(cnt.length + 1), pre2 = new Float64Array(cnt.length + 1);
    cnt.forEach((c, i) => { pre[i + 1] = pre[i] + c; pre2[i + 1] = pre2[i] + c * c; });
    const w = new PearsonSums();
    w.addPrefixed(idx, pre, pre2, 0, x.idx.length, x.idx.length, cnt.length, bins);
    const p = new PearsonSums();
    p.add(sparseBins(tx, xFrom, 1, xFrom, xFrom + bins - 1e-9), sparseBins(ty, yFrom, 1, yFrom, yFrom + bins - 1e-9), bins);
    expect(w.r()).toBeCloseTo(p.r(), 12);
    expect(w.sx).toBe(p.sx);
    expect(w.syy).toBe(p.syy);
  });
});
