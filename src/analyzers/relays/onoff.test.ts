import { describe, expect, it } from 'vitest';
import { correlatedEnds, offEnds, onOffCorrelation } from './onoff.ts';

describe('offEnds', () => {
  const cases: Array<[string, number[], number, number, number, number[]]> = [
    ['first packet and each packet after a long gap', [0, 0.1, 0.2, 1.0, 1.1, 3.0], 0.5, 0, 10, [0, 1.0, 3.0]],
    ['window cuts both ends', [0, 1, 2, 3, 4], 0.5, 1, 3, [1, 2, 3]],
    ['gap exactly T_idle is not OFF', [0, 0.5, 1.0], 0.5, 0, 10, [0]],
    ['empty', [], 0.5, 0, 10, []],
  ];
  for (const [name, times, idle, from, to, want] of cases) it(name, () => expect(offEnds(times, idle, from, to)).toEqual(want));
});

describe('correlatedEnds (later within δ after earlier)', () => {
  const cases: Array<[string, number[], number[], number, number]> = [
    ['all aligned with small delay', [1, 2, 3], [1.01, 2.02, 3.05], 0.08, 3],
    ['later before earlier does not count', [1, 2], [0.99, 1.98], 0.08, 0],
    ['beyond δ does not count', [1, 2], [1.1, 2.2], 0.08, 0],
    ['each earlier end used once', [1], [1.01, 1.02], 0.08, 1],
    ['unrelated sparse series', [1, 5, 9], [3, 7, 11], 0.08, 0],
  ];
  for (const [name, a, b, d, want] of cases) it(name, () => expect(correlatedEnds(a, b, d)).toBe(want));
});

describe('onOffCorrelation', () => {
  it('up: inbound leads; down: outbound leads', () => {
    const r = onOffCorrelation([1, 2], [1.01, 2.01], [1.52, 2.52], [1.5, 2.5], 0.08);
    expect(r).toEqual({ correlated: 4, comparable: 4, ratio: 1 });
  });
  it('no comparable ends gives 0', () => expect(onOffCorrelation([], [1], [], [], 0.08).ratio).toBe(0));
});
