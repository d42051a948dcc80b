import { describe, expect, it } from 'vitest';
import { RELAY_DEFAULTS } from './config.ts';
import { scoreFlowPair } from './flow-score.ts';
import type { RelayConnection } from './types.ts';

const conn = (start: number, end: number, bytes: [number, number] | null, pkts: [number, number] | null): RelayConnection =>
  ({ id: '', proto: 'tcp', src: 'a', sport: 1, dst: 'b', dport: 22, start, end, sensor: 's', bytes, pkts });

describe('scoreFlowPair volume gate', () => {
  const inb = conn(0, 200, [10_000, 60_000], [300, 320]);
  it.each([
    ['relayed: most of the inbound volume goes on', [8_000, 50_000], [250, 270], true],
    ['a small exploit while a big session runs', [500, 900], [10, 12], false],
    ['the outbound carries far more than came in', [200_000, 900_000], [3_000, 3_100], false],
  ] as const)('%s', (_name, bytes, pkts, kept) => {
    const s = scoreFlowPair(inb, conn(20, 199, [...bytes], [...pkts]), RELAY_DEFAULTS);
    expect(s!.components.volume_ok).toBe(kept ? 1 : 0);
    expect(s!.score > 0).toBe(kept);
  });
  it('records without counts are judged on timing alone', () => {
    const s = scoreFlowPair(conn(0, 200, null, null), conn(20, 199, null, null), RELAY_DEFAULTS);
    expect(s!.components.volume_ok).toBe(1);
    expect(s!.score).toBeGreaterThan(0.3);
  });
});
