import { describe, expect, it } from 'vitest';
import { canSee, normalizeTlp, strictest } from './tlp.ts';
import type { ApiUser } from './users.ts';

const analyst: ApiUser = { id: '1', name: 'a', role: 'analyst', org: null };
const partner: ApiUser = { id: '2', name: 'p', role: 'partner', org: 'univ-a' };

describe('TLP 2.0 visibility', () => {
  it.each([
    ['clear', null, true], ['green', null, true], ['amber', null, false], ['amber+strict', null, false], ['red', null, false],
    ['amber', 'univ-a', true], ['amber+strict', 'univ-a', true], ['amber', 'agency-b', false], ['red', 'univ-a', false],
    ['TLP:WHITE', null, true], ['bogus', null, false],
  ])('partner sees %s addressed to %s: %s', (tlp, to, want) => expect(canSee(partner, tlp, to)).toBe(want));

  it('analysts see every marking', () => {
    for (const t of ['clear', 'green', 'amber', 'amber+strict', 'red']) expect(canSee(analyst, t)).toBe(true);
  });

  it.each([
    [['clear', 'green'], 'green'], [['green', 'amber+strict', 'amber'], 'amber+strict'], [['red', 'clear'], 'red'],
    [[], 'amber'], [['TLP:AMBER', 'x'], 'red'],
  ])('strictest of %j is %s', (ms, want) => expect(strictest(...(ms as string[]))).toBe(want));

  it('normalises names', () => {
    expect(normalizeTlp('TLP:AMBER+STRICT')).toBe('amber+strict');
    expect(normalizeTlp('white')).toBe('clear');
  });
});
