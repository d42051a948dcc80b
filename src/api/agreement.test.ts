import { describe, expect, it } from 'vitest';
import { fieldAgreement } from './agreement.ts';

describe('fieldAgreement', () => {
  const accts = [
    { phone: '+1555', payment_fp: 'pf-a', email_norm: 'x@a' },
    { phone: '+1555', payment_fp: 'pf-b', email_norm: null },
    { phone: '+1999', payment_fp: 'PF-A ', email_norm: 'y@b' },
  ];
  it.each([
    ['phone', [{ value: '+1555', accounts: [0, 1] }], 2 / 3],
    ['payment_fp', [{ value: 'pf-a', accounts: [0, 2] }], 2 / 3],
    ['email_norm', [], 0],
  ])('%s', (field, groups, agreement) => {
    const [got] = fieldAgreement(accts, [field as string]);
    expect(got.groups).toEqual(groups);
    expect(got.agreement).toBeCloseTo(agreement as number);
  });
  it('is empty for no accounts', () => expect(fieldAgreement([], ['phone'])[0].agreement).toBe(0));
});
