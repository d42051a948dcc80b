import { describe, expect, it } from 'vitest';
import { parseTlpFlag, strictestTlp } from './tlp.ts';

describe('TLP arithmetic', () => {
  it.each([
    [['green', 'amber'], 'amber'], [['red', 'clear'], 'red'], [['amber+strict', 'amber'], 'amber+strict'],
    [[null, undefined, 'green'], 'green'], [[], 'clear'],
  ] as const)('most restrictive of %j is %s', (tlps, want) => {
    expect(strictestTlp([...tlps])).toBe(want);
  });

  it('parses flags and refuses unknown levels', () => {
    expect(parseTlpFlag('TLP:AMBER+STRICT')).toBe('amber+strict');
    expect(() => parseTlpFlag('white')).toThrow(/unknown TLP 'white'/);
  });
});
