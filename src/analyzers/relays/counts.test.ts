import { describe, expect, it } from 'vitest';
import { countCorrelation, countCorrelationHalves, PearsonSums, sparseBins } from './counts.ts';

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

describe('countCorrelationHalves (cached half-width bins) equals countCorrelation on the grid', () => {
  it('same r, lag and active bins for a window starting on the grid', () => {
    const up = keystrokes(5, 200, 100), down = up.map((t) => t + 0.02), outUp = up.map((t) => t + 0.9), outDown = down.map((t) => t - 0.9);
    const to = up[up.length - 1];
    const half = (t: number[]) => sparseBins(t, 0, 0.25, -Infinity, Infinity);
    const a = countCorrelation({ inUp: up, outUp, inDown: down, outDown }, 100, to, 0.5, 3);
    const b = countCorrelationHalves({ inUp: half(up), outUp: half(outUp), inDown: half(down), outDown: half(outDown) }, 100, to, 0.5, 3);
    expect(b.lag).toBeCloseTo(a.lag, 9);
    expect(b.r).toBeCloseTo(a.r, 1);
    expect(b.r).toBeGreaterThan(0.8);
  });
});
