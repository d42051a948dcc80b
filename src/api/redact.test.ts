import { describe, expect, it } from 'vitest';
import { guardForPartner, piiValuesFrom, REDACTED, scrubFreeText, scrubString } from './redact.ts';
import type { ApiUser } from './users.ts';

const pii = piiValuesFrom([{ name: 'Ivan Petrov', email: 'ivan@x.example', phone: '+15550100001', address: '12 Harbour Road', payment_fp: 'pf-3c9e1a77' }]);
const partner: ApiUser = { id: '2', name: 'p', role: 'partner', org: 'univ-a' };

describe('partner guard', () => {
  it.each([
    ['Ivan Petrov', REDACTED], ['account of ivan petrov at Hostco', REDACTED], ['pf-3c9e1a77', REDACTED],
    ['mail someone@else.example', REDACTED], ['call +44 20 7946 0000', REDACTED], ['203.0.113.10', '203.0.113.10'], ['Hostco', 'Hostco'],
  ])('scrubs %j', (s, want) => expect(scrubString(s, pii)).toBe(want));

  it('drops objects above the partner marking unless addressed to its org, and PII keys', () => {
    const out = guardForPartner({
      items: [{ tlp: 'green', v: 1 }, { tlp: 'amber', v: 2 }, { tlp: 'amber', org: 'univ-a', v: 3 }, { tlp: 'red', org: 'univ-a', v: 4 },
        { tlp: 'amber', details: { org: 'univ-a' }, v: 5 }],
      nested: { tlp: 'red', secret: true },
      account: { provider: 'Hostco', email: 'ivan@x.example', phone: null },
    }, partner, pii) as any;
    expect(out.items.map((x: any) => x.v)).toEqual([1, 3, 5]);
    expect(out.nested).toBeNull();
    expect(out.account).toEqual({ provider: 'Hostco', email: REDACTED, phone: null });
  });
});

describe('export free-text scrub', () => {
  it('scrubs descriptions, comments and info at any depth, and leaves observables and patterns alone', () => {
    const out = scrubFreeText({
      info: 'case x: renter Ivan Petrov', Attribute: [{ value: 'ivan@x.example', comment: 'seen with +15550100001' }, { value: '203.0.113.10', comment: 'shared-infra 0.93' }],
      objects: [{ type: 'indicator', pattern: "[email-addr:value = 'ivan@x.example']", description: 'mail ivan@x.example', external_references: [{ description: 'pf-3c9e1a77' }] }],
    }, pii) as any;
    expect(out.info).toBe(REDACTED);
    expect(out.Attribute.map((a: any) => [a.value, a.comment])).toEqual([['ivan@x.example', REDACTED], ['203.0.113.10', 'shared-infra 0.93']]);
    expect(out.objects[0]).toMatchObject({ pattern: "[email-addr:value = 'ivan@x.example']", description: REDACTED, external_references: [{ description: REDACTED }] });
  });
});
