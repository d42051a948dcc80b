import { describe, expect, it } from 'vitest';
import { numberAt } from './number-at.ts';

describe('numberAt', () => {
  it.each([
    '0', '7', '65535', '1693975906.500310', '1483228800.123456', '0.000687', '360.072962', '-3.5', '12345678901234567', '1e5', '18446744073709551615',
    '1521911721.258458', '0.1', '99999999999999.9',
  ])('parses %s to the same double as Number()', (s) => {
    expect(numberAt(`x\t${s}\ty`, 2, 2 + s.length)).toBe(Number(s));
  });

  it.each(['', '-', '.', '1.2.3', '12a', ' 1', '0x10', 'T'])('returns NaN for %j', (s) => {
    expect(numberAt(s, 0, s.length)).toBeNaN();
  });
});
