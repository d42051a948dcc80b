import { describe, expect, it } from 'vitest';
import { addressedOrg, combinedScore } from './flagged.ts';

describe('combinedScore', () => {
  it.each([
    [[], 0], [[0.5], 0.5], [[0.5, 0.5], 0.75], [[1, 0.2], 1], [[0.9, 0.0], 0.9], [[-1, 2], 1],
  ])('%j → %d', (scores, want) => expect(combinedScore(scores as number[])).toBeCloseTo(want as number, 10));
});

describe('addressedOrg', () => {
  it('reads details.org, details.victim, or the subject of a victim-impact finding', () => {
    expect(addressedOrg({ details: { org: 'a' } })).toBe('a');
    expect(addressedOrg({ details: { victim: 'b' } })).toBe('b');
    expect(addressedOrg({ kind: 'victim-impact', subject: 'c', details: {} })).toBe('c');
    expect(addressedOrg({ kind: 'endpoint', subject: '1.2.3.4', details: {} })).toBeNull();
  });
});
