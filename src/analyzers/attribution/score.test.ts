import { describe, expect, it } from 'vitest';
import { confidenceWords, itemWeight, scoreActors, type ObservedItem } from './score.ts';

const item = (key: string, kind: ObservedItem['kind'], actors: string[], orgs = 1): ObservedItem => ({ key, kind, actors, orgs, path: key });

describe('attribution scoring', () => {
  it.each([
    [item('x', 'indicator', ['a']), 1],
    [item('x', 'tool', ['a', 'b', 'c', 'd', 'e']), 0.07],
    [item('x', 'attack-pattern', Array.from({ length: 40 }, (_, i) => `g${i}`)), 0.005],
    [item('x', 'malware', ['a'], 6), 1.35],
    [item('x', 'malware', []), 0],
  ])('weight of %j is %f', (i, w) => {
    expect(itemWeight(i)).toBeCloseTo(w, 3);
  });

  it('ranks the actor with unique evidence first and keeps shared tools nearly weightless', () => {
    const ranked = scoreActors([
      item('S0187', 'malware', ['tick'], 3), item('ind:203.0.113.7', 'indicator', ['tick'], 5),
      item('S0002', 'tool', ['tick', 'apt10', 'lazarus']), item('T1003', 'attack-pattern', ['tick', 'apt10', 'lazarus']),
    ]);
    expect(ranked.map((r) => r.actor)).toEqual(['tick', 'apt10', 'lazarus']);
    expect(ranked[0].exclusive).toBeGreaterThan(2);
    expect(ranked[1].exclusive).toBe(0);
    expect(confidenceWords(ranked[0], ranked[1].score, 0.5)).toBe('almost certain');
  });

  it('only shared tools: nobody has exclusive evidence, so no confident words', () => {
    const ranked = scoreActors([item('S0002', 'tool', ['tick', 'apt10']), item('S0029', 'tool', ['tick', 'apt10', 'lazarus'])]);
    for (const r of ranked) expect(confidenceWords(r, 0, 0.5)).toBe('unlikely');
  });

  it.each([
    [{ score: 0.95, exclusive: 2 }, 0.2, 'almost certain'],
    [{ score: 0.95, exclusive: 2 }, 0.8, 'roughly even'],
    [{ score: 0.75, exclusive: 1 }, 0.3, 'likely'],
    [{ score: 0.5, exclusive: 1 }, 0, 'roughly even'],
    [{ score: 0.3, exclusive: 1 }, 0, 'unlikely'],
  ] as const)('%j with runner-up %f → %s', (s, r, w) => {
    expect(confidenceWords(s, r, 0.5)).toBe(w);
  });
});
