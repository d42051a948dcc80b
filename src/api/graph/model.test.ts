import { describe, expect, it } from 'vitest';
import { edge, NeighbourhoodBuilder, nodeId, parseNodeId } from './model.ts';

describe('node ids', () => {
  it.each([
    ['ip|2001:db8::1', { type: 'ip', parts: ['2001:db8::1'] }],
    ['host|univ-a|10.1.0.5', { type: 'host', parts: ['univ-a', '10.1.0.5'] }],
    ['account|Hostco|acct-1', { type: 'account', parts: ['Hostco', 'acct-1'] }],
  ])('%s', (id, want) => expect(parseNodeId(id)).toEqual(want));
  it.each(['', 'ip', 'ip|', 'nope|x', 'host|only-org', 'org|a|b'])('rejects %j', (id) => expect(parseNodeId(id)).toBeNull());
  it('round-trips', () => expect(parseNodeId(nodeId('account', 'P', 'a-1'))).toEqual({ type: 'account', parts: ['P', 'a-1'] }));
});

describe('NeighbourhoodBuilder', () => {
  it('stops at the limit and says so', () => {
    const b = new NeighbourhoodBuilder(2, { id: 'org|a', type: 'org', label: 'a' });
    for (const ip of ['1', '2', '3']) b.add({ id: `ip|${ip}`, type: 'ip', label: ip }, edge('org|a', `ip|${ip}`, 'contacted'));
    const r = b.result();
    expect(r.nodes.map((n) => n.id)).toEqual(['org|a', 'ip|1', 'ip|2']);
    expect(r.edges).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });
});
