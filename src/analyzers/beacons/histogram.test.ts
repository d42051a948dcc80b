import { describe, expect, it } from 'vitest';
import { bimodalScore, binCounts, cvScore, histogramScore, hourOfDayCounts, longestRun } from './histogram.ts';
import { RITA_DEFAULTS } from './score.ts';

const repeat = (v: number, n: number) => new Array<number>(n).fill(v);

describe('beacon histogram', () => {
  it.each([
    { name: 'window edges fall in the first and last bins', t0: 0, t1: 24, ts: [0, 0.5, 23.9, 24], bins: 24, nonEmpty: { 0: 2, 23: 2 } },
    { name: 'times outside the window are clamped', t0: 100, t1: 124, ts: [90, 130], bins: 24, nonEmpty: { 0: 1, 23: 1 } },
    { name: 'zero-length window puts everything in bin 0', t0: 5, t1: 5, ts: [5, 5, 5], bins: 4, nonEmpty: { 0: 3 } },
  ])('binCounts: $name', ({ t0, t1, ts, bins, nonEmpty }) => {
    const counts = binCounts(t0, t1, ts, bins);
    expect(counts).toHaveLength(bins);
    const want = new Array<number>(bins).fill(0);
    for (const [k, v] of Object.entries(nonEmpty)) want[Number(k)] = v;
    expect(counts).toEqual(want);
  });

  it.each([
    { counts: [1, 0, 1, 1], run: 3 },
    { counts: [1, 1, 1], run: 3 },
    { counts: [0, 0, 0], run: 0 },
    { counts: [1, 1, 0, 0, 1, 1, 1, 0], run: 3 },
  ])('longest run of $counts wraps around: $run', ({ counts, run }) => {
    expect(longestRun(counts)).toBe(run);
  });

  it.each([
    { counts: repeat(5, 24), score: 1 },
    { counts: [2, 1, 2, 1], score: 0.667 },
    { counts: [4, 0, 0, 0], score: 0 },
    { counts: [0, 0, 0, 0], score: 0 },
  ])('coefficient-of-variation score of $counts is $score', ({ counts, score }) => {
    expect(cvScore(counts)).toBe(score);
  });

  it.each([
    { name: 'two flat levels', counts: [...repeat(5, 12), ...repeat(20, 12)], score: 1 },
    { name: 'too few bars', counts: [...repeat(5, 5), ...repeat(20, 5), ...repeat(0, 14)], score: 0 },
    { name: 'three levels of eight bars', counts: [...repeat(5, 8), ...repeat(20, 8), ...repeat(40, 8)], score: 0.696 },
  ])('bimodal fit: $name', ({ counts, score }) => {
    expect(bimodalScore(counts, RITA_DEFAULTS)).toBe(score);
  });

  it('takes the larger of the flatness and bimodal scores', () => {
    const ts: number[] = [];
    for (let h = 0; h < 24; h++) for (let k = 0; k < (h % 2 === 0 ? 2 : 10); k++) ts.push(h * 3600 + k * 60);
    const r = histogramScore(0, 86400, ts, RITA_DEFAULTS);
    expect(r.totalBars).toBe(24);
    expect(r.cvScore).toBeLessThan(0.4);
    expect(r.bimodalScore).toBe(1);
    expect(r.score).toBe(1);
  });
});

describe('hour-of-day folding for windows longer than a day', () => {
  it.each([
    { name: 'hours of one day', ts: [0, 3599, 3600, 23 * 3600 + 5], want: { 0: 2, 1: 1, 23: 1 } },
    { name: 'the same hour on later days adds up', ts: [3600, 86400 + 3700, 5 * 86400 + 7000], want: { 1: 3 } },
  ])('$name', ({ ts, want }) => {
    const counts = hourOfDayCounts(ts);
    const expected = new Array<number>(24).fill(0);
    for (const [k, v] of Object.entries(want)) expected[Number(k)] = v;
    expect(counts).toEqual(expected);
  });

  it('judges a beacon that ran for the last two days of a ten-day window by its shape', () => {
    const ts: number[] = [];
    for (let t = 8 * 86400; t < 10 * 86400; t += 600) ts.push(t);
    expect(histogramScore(0, 10 * 86400, ts, RITA_DEFAULTS).score).toBe(1);
    const office = ts.filter((t) => (t % 86400) / 3600 >= 9 && (t % 86400) / 3600 < 17);
    expect(histogramScore(0, 10 * 86400, office, RITA_DEFAULTS).score).toBeLessThan(0.1);
  });
});

describe('a pair active for less than a day of a longer window', () => {
  it('is binned over its own span', () => {
    const ts: number[] = [];
    for (let t = 9 * 86400; t < 9 * 86400 + 8 * 3600; t += 1800) ts.push(t);
    const r = histogramScore(0, 10 * 86400, ts, RITA_DEFAULTS);
    expect(r.binHours).toBeCloseTo(0.5, 10); // 15 intervals → 15 bins of 30 min
    expect(r.totalBars).toBeGreaterThanOrEqual(15);
    expect(r.score).toBeGreaterThan(0.8);
  });
});
