import { describe, expect, it } from 'vitest';
import { addressTokens, normalisePostcode } from './address.ts';
import { normaliseEmail } from './email.ts';
import { looksLikeCardNumber, luhnValid } from './payment.ts';
import { toE164 } from './phone.ts';
import { foldText, nameForms, romanise } from './text.ts';

describe('text', () => {
  it.each([
    ['ＹＡＭＡＤＡ　Ｔａｒｏ', 'yamada taro'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['  José   Díaz ', 'josé díaz'],
  ])('folds %s', (input, out) => expect(foldText(input)).toBe(out));

  it.each([
    ['やまだ たろう', 'yamada tarou'],
    ['ヤマダ　タロウ', 'yamada tarou'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'yamada tarou'],
    ['José Díaz', 'jose diaz'],
    ["O'Brien-Smith", 'o brien smith'],
    ['山田 太郎', '山田 太郎'],
  ])('romanises %s', (input, out) => expect(romanise(input)).toBe(out));

  it('keeps folded and latin forms', () => {
    expect(nameForms('ヤマダ タロウ')).toEqual({ folded: 'ヤマダ タロウ', latin: 'yamada tarou' });
  });
});

describe('phone', () => {
  it.each([
    ['03-1234-5678', 'JP', '+81312345678'],
    ['090-1234-5678', 'JP', '+819012345678'],
    ['０９０ー１２３４ー５６７８', 'JP', '+819012345678'],
    ['+81 90 1234 5678', 'US', '+819012345678'],
    ['0044 20 7946 0958', 'JP', '+442079460958'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['1-415-555-2671 x123', 'US', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['12345', 'JP', null],
  ])('%s (%s) → %s', (input, cc, out) => expect(toE164(input, cc)).toBe(out));
});

describe('email', () => {
  it.each([
    ['John.Smith+vps@GMail.com', 'johnsmith@gmail.com', false],
    ['j.smith@googlemail.com', 'jsmith@gmail.com', false],
    ['j.smith+x@example.co.jp', 'j.smith@example.co.jp', false],
    ['anon123@mailinator.com', 'anon123@mailinator.com', true],
  ])('%s', (input, out, disposable) => {
    expect(normaliseEmail(input)).toMatchObject({ email: out, disposable });
  });
  it('refuses non-addresses', () => {
    expect(normaliseEmail('not an email')).toBeNull();
    expect(normaliseEmail('@x.com')).toBeNull();
  });
});

describe('payment', () => {
  it.each([
    ['4111111111111111', true],
    ['4111 1111 1111 1111', true],
    ['5500-0000-0000-0004', true],
    ['4111111111111112', false],
    ['tok_4f9a2c', false],
    ['fp_5b5063953277947b', false],
    // a fingerprint whose hex happens to be all decimal and Luhn-valid is still a token, not a PAN
    ['fp_4903279480922749', false],
    ['card:4111111111111111', true],
    ['card 4111111111111111 on file', true],
    ['visa-1111', false],
    ['sha256:9f86d081884c7d659a2feaa0c55ad015', false],
  ])('%s card=%s', (input, card) => expect(looksLikeCardNumber(input)).toBe(card));
  it('luhn', () => expect(luhnValid('79927398713')).toBe(true));
});

describe('address', () => {
  it('tokenises and expands', () => {
    expect(addressTokens('12 Herschell St., Killarney')).toEqual(['12', 'herschell', 'killarney', 'street']);
    expect(addressTokens('東京都千代田区1丁目2番地3号')).toEqual(['1', '2', '3', '東京都千代田区']);
    expect(normalisePostcode('〒100-0001')).toBe('1000001');
  });
});
