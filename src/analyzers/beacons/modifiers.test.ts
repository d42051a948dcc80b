import { describe, expect, it } from 'vitest';
import { applyModifiers } from './modifiers.ts';

const base = { dstHosts: 1, orgHosts: 50, firstSeen: 1000 + 86400, windowStart: 1000, medianInterval: 600 };

describe('beacon score modifiers', () => {
  it.each([
    { name: 'a new beacon from one host keeps its score', c: base, score: 0.95, prevalent: false, preexisting: false },
    { name: 'a resolver most hosts use is prevalent', c: { ...base, dstHosts: 40 }, score: 0.55, prevalent: true, preexisting: false },
    { name: 'two hosts of a three-host org are too few to call prevalent', c: { ...base, dstHosts: 2, orgHosts: 3 }, score: 0.95, prevalent: false, preexisting: false },
    { name: 'five of twenty-one hosts is not prevalent', c: { ...base, dstHosts: 5, orgHosts: 21 }, score: 0.95, prevalent: false, preexisting: false },
    { name: 'running since the window opened (within two intervals)', c: { ...base, firstSeen: 1000 + 1100 }, score: 0.55, prevalent: false, preexisting: true },
    { name: 'both, floored at zero', c: { ...base, dstHosts: 40, firstSeen: 1000 }, score: 0.15, prevalent: true, preexisting: true },
  ])('$name', ({ c, score, prevalent, preexisting }) => {
    const m = applyModifiers(0.95, c);
    expect(m.score).toBeCloseTo(score, 10);
    expect(m.prevalent).toBe(prevalent);
    expect(m.preexisting).toBe(preexisting);
  });

  it('never goes below zero', () => {
    expect(applyModifiers(0.2, { ...base, dstHosts: 40, firstSeen: 1000 }).score).toBe(0);
  });
});
