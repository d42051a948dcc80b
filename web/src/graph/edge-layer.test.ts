import { describe, expect, it } from 'vitest';
import { segmentsByKind } from './edge-layer.ts';

describe('edge layer segments', () => {
  const at = new Map<string, { x: number; y: number } | null>([['a', { x: 0, y: 0 }], ['b', { x: 10, y: 5 }], ['c', { x: -3, y: 2 }], ['hidden', null]]);
  const look = (id: string) => at.get(id) ?? null;

  it('groups segments by edge kind, one path each', () => {
    const out = segmentsByKind([
      { kind: 'contacted', s: 'a', t: 'b' }, { kind: 'relayed', s: 'b', t: 'c' }, { kind: 'contacted', s: 'c', t: 'a' },
    ], look);
    expect([...out.keys()]).toEqual(['contacted', 'relayed']);
    expect(out.get('contacted')).toEqual([0, 0, 10, 5, -3, 2, 0, 0]);
    expect(out.get('relayed')).toEqual([10, 5, -3, 2]);
  });

  it('skips edges with a hidden or missing endpoint, at either end', () => {
    const out = segmentsByKind([{ kind: 'x', s: 'a', t: 'hidden' }, { kind: 'x', s: 'hidden', t: 'b' }, { kind: 'x', s: 'gone', t: 'a' }], look);
    expect(out.size).toBe(0);
  });
});
