import { describe, expect, it } from 'vitest';
import { bowleySkew, madScore, median, medianAbsoluteDeviation, quartiles } from './stats.ts';

describe('beacon statistics', () => {
  it.each([
    { xs: [1, 2, 3, 4], q: { q1: 1.5, q2: 2.5, q3: 3.5 } },
    { xs: [1, 2, 3, 4, 5], q: { q1: 1.5, q2: 3, q3: 4.5 } },
    { xs: [10, 20, 30], q: { q1: 10, q2: 20, q3: 30 } },
    { xs: [10, 20, 30, 40, 100], q: { q1: 15, q2: 30, q3: 70 } },
  ])('quartiles of $xs', ({ xs, q }) => {
    expect(quartiles(xs)).toEqual(q);
  });

  it.each([
    { xs: [5], med: 5, mad: 0 },
    { xs: [1, 3], med: 2, mad: 1 },
    { xs: [1, 2, 3, 4, 100], med: 3, mad: 1 },
    { xs: [298, 299, 301], med: 299, mad: 1 },
  ])('median $med and MAD $mad of $xs', ({ xs, med, mad }) => {
    expect(median(xs)).toBe(med);
    expect(medianAbsoluteDeviation(xs)).toBe(mad);
  });

  it.each([
    { name: 'symmetric', xs: [10, 20, 30, 40, 50], skew: 0 },
    { name: 'right-skewed', xs: [10, 20, 30, 40, 100], skew: 25 / 55 },
    { name: 'left-skewed', xs: [0, 60, 70, 80, 90], skew: (30 + 85 - 140) / 55 },
    { name: 'spread under 10 counts as symmetric', xs: [299, 300, 300, 301, 307], skew: 0 },
    { name: 'median on a quartile counts as symmetric', xs: [10, 10, 10, 50, 90], skew: 0 },
  ])('Bowley skew: $name', ({ xs, skew }) => {
    const r = bowleySkew(xs);
    expect(r.skew).toBeCloseTo(skew, 10);
    expect(r.score).toBeCloseTo(1 - Math.abs(skew), 10);
  });

  it.each([
    { name: 'tight intervals', xs: [298, 299, 301], fallback: 1, score: 298 / 299 },
    { name: 'identical', xs: [60, 60, 60, 60], fallback: 1, score: 1 },
    { name: 'MAD above median clamps to 0', xs: [1, 1, 50, 100, 100], fallback: 1, score: 1 / 50 },
    { name: 'median below 1 uses the fallback', xs: [0, 0, 0, 5], fallback: 0, score: 0 },
    { name: 'fallback 1 for sub-second medians', xs: [0, 0, 0], fallback: 1, score: 1 },
  ])('MAD score: $name', ({ xs, fallback, score }) => {
    expect(madScore(xs, fallback).score).toBeCloseTo(score, 10);
  });
});
