import { describe, expect, it } from 'vitest';
import { hitScore } from './score.ts';

describe('hitScore', () => {
  it.each([
    [[80], false, 0.8],
    [[null], false, 0.6],
    [[80, 50], false, 0.9], // 1 - 0.2 * 0.5
    [[null, null], false, 0.84],
    [[100], false, 1],
    [[0], false, 0],
    [[80], true, 0.4],
    [[], false, 0],
    [[150], false, 1],
  ] as Array<[Array<number | null>, boolean, number]>)('%j urlHostOnly=%s → %s', (confidences, viaUrlHostOnly, want) => {
    expect(hitScore({ confidences, viaUrlHostOnly, defaultConfidence: 60 })).toBe(want);
  });
});

describe('prevalence cap', () => {
  const base = { confidences: [80], viaUrlHostOnly: false, defaultConfidence: 60 };
  it.each([
    [{ share: 0.9, orgs: 20 }, 0.4],
    [{ share: 0.5, orgs: 20 }, 0.8], // at the cap, not over it
    [{ share: 1, orgs: 4 }, 0.8], // too few orgs to judge
    [undefined, 0.8],
  ] as const)('%j → %s', (prevalence, want) => {
    expect(hitScore({ ...base, prevalence, prevalenceCap: 0.5 })).toBe(want);
  });
});
