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
