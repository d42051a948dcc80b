import { describe, expect, it } from 'vitest';
import { Rng } from './random.ts';

describe('Rng', () => {
  it('repeats a stream for the same seed and label, and differs otherwise', () => {
    const a = new Rng(42, 'x');
    const b = new Rng(42, 'x');
    const c = new Rng(43, 'x');
    const d = new Rng(42, 'y');
    const seq = (r: Rng) => Array.from({ length: 8 }, () => r.u32());
    const sa = seq(a);
    expect(seq(b)).toEqual(sa);
    expect(seq(c)).not.toEqual(sa);
    expect(seq(d)).not.toEqual(sa);
    expect(seq(new Rng(42, 'x').fork('k'))).toEqual(seq(new Rng(42, 'x').fork('k')));
  });

  it.each([
    ['next', (r: Rng) => r.next(), 0.5, 0.01],
    ['int(1,6)', (r: Rng) => r.int(1, 6), 3.5, 0.05],
    ['normal(10,2)', (r: Rng) => r.normal(10, 2), 10, 0.05],
    ['exp(3)', (r: Rng) => r.exp(3), 3, 0.06],
    ['poisson(4)', (r: Rng) => r.poisson(4), 4, 0.05],
    ['poisson(200)', (r: Rng) => r.poisson(200), 200, 1],
  ])('%s has the expected mean', (_name, draw, mean, tol) => {
    const r = new Rng(7, 'dist');
    let sum = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) sum += draw(r);
    expect(Math.abs(sum / n - mean)).toBeLessThan(tol);
  });

  it('log-normal has the given median', () => {
    const r = new Rng(9, 'ln');
    const xs = Array.from({ length: 20001 }, () => r.logNormal(0.18, 0.5)).sort((a, b) => a - b);
    expect(xs[10000]).toBeGreaterThan(0.17);
    expect(xs[10000]).toBeLessThan(0.19);
  });

  it('keeps int() within bounds and covers them', () => {
    const r = new Rng(1, 'b');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-2, 2);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(2);
      seen.add(v);
    }
    expect(seen.size).toBe(5);
  });
});
