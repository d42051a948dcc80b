import { describe, expect, it } from 'vitest';
import { concentricByType, grid, outwardAngle, ringsAround } from './layout.ts';

describe('graph layout', () => {
  it('puts rings of 8k nodes at radius k·step', () => {
    const pts = ringsAround({ x: 0, y: 0 }, 30, 10);
    expect(pts).toHaveLength(30);
    const radii = pts.map((p) => Math.round(Math.hypot(p.x, p.y)));
    expect(radii.filter((r) => r === 10)).toHaveLength(8);
    expect(radii.filter((r) => r === 20)).toHaveLength(16);
    expect(radii.filter((r) => r === 30)).toHaveLength(6);
  });

  it('places each type on its own ring, inner types first', () => {
    const pos = concentricByType([{ id: 'a', type: 'org' }, { id: 'b', type: 'ip' }, { id: 'c', type: 'ip' }]);
    const r = (id: string) => Math.hypot(pos.get(id)!.x, pos.get(id)!.y);
    expect(r('b')).toBeCloseTo(r('c'));
    expect(r('a')).toBeGreaterThan(r('b'));
  });

  it.each([
    [{ x: 1, y: 0 }, { x: 0, y: 0 }, 0], [{ x: 0, y: 1 }, { x: 0, y: 0 }, Math.PI / 2], [{ x: 0, y: 0 }, { x: 0, y: 0 }, 0],
  ])('outward angle from %j', (c, m, want) => expect(outwardAngle(c, m)).toBeCloseTo(want));

  it('lays a grid without overlap', () => {
    const pts = grid(10_000, 40);
    expect(new Set(pts.map((p) => `${p.x},${p.y}`)).size).toBe(10_000);
  });
});
