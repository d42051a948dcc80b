import { describe, expect, it } from 'vitest';
import { stitchUnidirectional } from './biflows.ts';
import type { RelayConnection } from './types.ts';

const rec = (src: string, sport: number, dst: string, dport: number, start: number, bytes: number, sensor = 'nf'): RelayConnection =>
  ({ id: '', proto: 'tcp', src, sport, dst, dport, start, end: start + 10, sensor, bytes: [bytes, 0], pkts: [bytes / 100, 0], evidence: [sensor] });

describe('stitchUnidirectional', () => {
  it('joins the two halves of one connection; the earlier half is the originator', () => {
    const out = stitchUnidirectional([rec('S', 22, 'C', 50000, 101, 9000), rec('C', 50000, 'S', 22, 100, 1200)]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ src: 'C', sport: 50000, dst: 'S', dport: 22, start: 100, end: 111, bytes: [1200, 9000], pkts: [12, 90] });
  });
  it('same start (whole-second flow times): the half towards the lower port is the originator', () => {
    const out = stitchUnidirectional([rec('S', 443, 'C', 50000, 100, 9000), rec('C', 50000, 'S', 443, 100, 1200)]);
    expect(out[0]).toMatchObject({ src: 'C', dst: 'S', bytes: [1200, 9000] });
  });
  it('leaves alone: bidirectional records, halves at other sensors, halves too far apart, unmatched halves', () => {
    const bi: RelayConnection = { ...rec('C', 1, 'S', 22, 0, 100), bytes: [100, 200] };
    const input = [bi, rec('S', 22, 'C', 1, 0, 50), rec('A', 5, 'B', 80, 0, 10, 'x'), rec('B', 80, 'A', 5, 0, 10, 'y'), rec('D', 7, 'E', 80, 0, 1), rec('E', 80, 'D', 7, 60, 1), rec('F', 9, 'G', 25, 0, 1)];
    expect(stitchUnidirectional(input)).toEqual(input);
  });
  it('a reused tuple pairs each half with its own mirror', () => {
    const out = stitchUnidirectional([rec('C', 40001, 'S', 22, 0, 10), rec('S', 22, 'C', 40001, 0, 20), rec('C', 40001, 'S', 22, 300, 30), rec('S', 22, 'C', 40001, 301, 40)]);
    expect(out.map((c) => [c.start, c.bytes])).toEqual([[0, [10, 20]], [300, [30, 40]]]);
  });
});
