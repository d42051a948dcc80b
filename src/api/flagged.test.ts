import { describe, expect, it } from 'vitest';
import { addressedOrg, combinedScore, effectiveTlp } from './flagged.ts';

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

describe('effectiveTlp', () => {
  const restricted = new Map([['192.0.2.55', 'red'], ['evil.example', 'amber+strict']]);
  const f = (subject: string, details: Record<string, unknown>, tlp: 'green' | 'amber' = 'green') =>
    ({ id: 'x', analyzer: 'a', kind: 'k', subject, score: 1, confidence: 1, first_seen: null, last_seen: null, tlp, details, evidence_ids: [] });
  it.each([
    [f('203.0.113.10', {}), 'green'],
    [f('192.0.2.55>198.51.100.7', {}), 'red'],
    [f('x', { hops: [{ src: '192.0.2.55' }] }), 'red'],
    [f('x', { shared: ['EVIL.example'] }), 'amber+strict'],
    [f('192.0.2.55:22', {}), 'red'],
    [f('x', { note: 'not-evil.example.org' }, 'amber'), 'amber'],
  ])('%#', (finding, want) => expect(effectiveTlp(finding as never, restricted)).toBe(want));
});

describe('relay paths', () => {
  it('reads hops, pairs and plain subjects', async () => {
    const { relayIps } = await import('./routes/relays.ts');
    expect(relayIps({ kind: 'relay-chain', subject: 'c1 -> c2', details: { hops: [{ src: 'a', dst: 'b', start: 1 }, { src: 'b', dst: 'c', start: 2 }] } })).toEqual(['a', 'b', 'c']);
    expect(relayIps({ kind: 'relay-pair', subject: 'c1 => c2', details: { relay: 'b', inbound: { src: 'a', dst: 'b' }, outbound: { src: 'b', dst: 'c' } } })).toEqual(['a', 'b', 'c']);
    expect(relayIps({ kind: 'relay-chain', subject: '1.1.1.1>2.2.2.2', details: {} })).toEqual(['1.1.1.1', '2.2.2.2']);
  });
});
