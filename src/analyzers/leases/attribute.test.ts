import { describe, expect, it } from 'vitest';
import { attributeWindow, neighbours, type LeaseRow } from './attribute.ts';

const A: LeaseRow = { provider: 'p', start: 100, end: 200, account_id: 'A', server_id: 's1' };
const B: LeaseRow = { provider: 'p', start: 250, end: null, account_id: 'B', server_id: 's1' };
const C: LeaseRow = { provider: 'p', start: 150, end: 180, account_id: 'C', server_id: 's2' };

describe('attributeWindow', () => {
  it.each([
    ['moment inside A', 120, 120, [A], [['A']]],
    ['moment at A end (half-open) is a gap', 200, 200, [A, B], [[]]],
    ['moment in open lease B', 10_000, 10_000, [A, B], [['B']]],
    ['window across re-leasing with a gap between', 150, 300, [A, B], [['A'], [], ['B']]],
    ['window before any lease', 0, 50, [A, B], [[]]],
    ['overlapping leases are a conflict', 160, 170, [A, C], [['A', 'C']]],
  ])('%s', (_name, start, end, leases, want) => {
    const segs = attributeWindow({ start, end }, leases as LeaseRow[]);
    expect(segs.map((s) => s.leases.map((l) => l.account_id))).toEqual(want);
  });

  it('cuts at the exact lease boundaries', () => {
    expect(attributeWindow({ start: 150, end: 300 }, [A, B]).map((s) => [s.start, s.end])).toEqual([[150, 200], [200, 250], [250, 300]]);
  });

  it('finds the leases around a gap', () => {
    expect(neighbours(220, [A, B])).toEqual({ before: A, after: B });
  });
});
