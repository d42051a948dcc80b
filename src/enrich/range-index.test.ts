import { describe, expect, it } from 'vitest';
import { buildV4, buildV6, findV4, findV6 } from './range-index.ts';

describe('range index', () => {
  const v4 = buildV4([[200, 299, 2], [0, 99, 0], [100, 149, 1]]);
  it.each([[0, 0], [99, 0], [100, 1], [149, 1], [150, -1], [199, -1], [200, 2], [299, 2], [300, -1]])('v4 %i → range %i', (n, want) => {
    expect(findV4(v4, n)).toBe(want);
  });
  const big = 1n << 100n;
  const v6 = buildV6([[big, big + 10n, 7], [5n, 9n, 3], [(1n << 64n) - 1n, 1n << 64n, 4]]);
  it.each([[4n, -1], [5n, 0], [9n, 0], [(1n << 64n) - 1n, 1], [1n << 64n, 1], [(1n << 64n) + 1n, -1], [big + 10n, 2], [big + 11n, -1]])(
    'v6 %s → range %i', (v, want) => expect(findV6(v6, v)).toBe(want));
});

describe('quickV4', async () => {
  const { quickV4 } = await import('./index.ts');
  it.each([['1.2.3.4', 16909060], ['255.255.255.255', 4294967295], ['0.0.0.0', 0], ['10.0.0.1', 167772161],
    ['1.2.3', null], ['1.2.3.4.5', null], ['256.1.1.1', null], ['01.2.3.4', null], ['1..3.4', null], [' 1.2.3.4', null], ['1.2.3.4 ', null], ['a.b.c.d', null]])(
    '%s → %s', (s, want) => expect(quickV4(s)).toBe(want));
});
