import { mulberry32 } from '../../core/random.ts';
import { describe, expect, it } from 'vitest';
import { RITA_DEFAULTS, intervals, scoreBeacon, type PairSeries } from './score.ts';

const DAY = 86400;

const rng = mulberry32;

function series(ts: number[], bytes: number[] | number, window = DAY): PairSeries {
  const sorted = [...ts].sort((a, b) => a - b);
  return { ts: sorted, bytes: Array.isArray(bytes) ? bytes : sorted.map(() => bytes), windowStart: 0, windowEnd: window };
}

const every = (step: number, from = 0, to = DAY) => Array.from({ length: Math.floor((to - from) / step) }, (_, i) => from + i * step);
const r = rng(7);
const jittered = every(300).map((t) => t + Math.floor((r() - 0.5) * 120));
const humanDay = Array.from({ length: 60 }, () => 9 * 3600 + Math.floor(r() * 8 * 3600));
const burst = Array.from({ length: 40 }, (_, i) => 40000 + i * 2 + Math.floor(r() * 30));

describe('beacon score (RITA v5)', () => {
  it.each([
    { name: 'perfect 5-minute beacon, constant size', s: series(every(300), 100), min: 1, max: 1 },
    { name: 'jittered 5-minute beacon (±60 s), constant size', s: series(jittered, 120), min: 0.9, max: 1 },
    { name: 'hourly beacon over a week', s: series(every(3600, 0, 7 * DAY), 512, 7 * DAY), min: 0.99, max: 1 },
    { name: 'office-hours browsing with random sizes', s: series(humanDay, humanDay.map(() => Math.floor(r() * 50000))), min: 0, max: 0.55 },
    { name: 'one burst of connections', s: series(burst, burst.map(() => Math.floor(r() * 3000))), min: 0, max: 0.5 },
  ])('$name scores in [$min, $max]', ({ s, min, max }) => {
    const got = scoreBeacon(s)!;
    expect(got.score).toBeGreaterThanOrEqual(min);
    expect(got.score).toBeLessThanOrEqual(max);
    for (const k of ['ts_score', 'ds_score', 'hist_score', 'dur_score'] as const) {
      expect(got.components[k]).toBeGreaterThanOrEqual(0);
      expect(got.components[k]).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    { name: 'three connections', ts: [0, 300, 600] },
    { name: 'four connections but only two distinct seconds', ts: [0, 0.2, 300, 300.5] },
  ])('cannot score $name', ({ ts }) => {
    expect(scoreBeacon(series(ts, 10))).toBeNull();
  });

  it('explains the perfect beacon with its numbers', () => {
    const c = scoreBeacon(series(every(300), 100))!.components;
    expect(c).toMatchObject({
      ts_score: 1, ts_median_interval: 300, ts_mad: 0, ds_score: 1, ds_median_bytes: 100,
      hist_score: 1, hist_bars: 24, dur_score: 1, dur_longest_run: 24,
    });
    expect(c.hist_counts).toEqual(new Array(24).fill(12));
  });

  it('scores duration only once enough bins are seen, then by coverage or consistency', () => {
    const sixHours = series(every(600, 0, 6 * 3600), 100);
    const short = scoreBeacon(sixHours)!.components;
    expect(short.hist_bars).toBe(6);
    expect(short.dur_consistency).toBe(0.5);
    expect(short.dur_coverage).toBe(0.244); // ceil(21000 / 86400, 3 places)
    expect(short.dur_score).toBe(0.5);
    const fiveHours = scoreBeacon(series(every(600, 0, 5 * 3600), 100))!.components;
    expect(fiveHours.dur_score).toBe(0);
  });

  it('weights sub-scores by the configured weights', () => {
    const s = series(humanDay, 100);
    const a = scoreBeacon(s)!;
    const onlyTs = scoreBeacon(s, { ...RITA_DEFAULTS, weights: { ts: 1, ds: 0, hist: 0, dur: 0 } })!;
    expect(onlyTs.score).toBe(a.components.ts_score);
  });

  it('drops zero intervals and floors to whole seconds', () => {
    expect([...intervals([10.2, 10.9, 12.5, 12.6, 20])]).toEqual([2, 8]);
  });
});

describe('short beacons late in a long window', () => {
  it('an 8-hour regular beacon at the end of 10 days scores as a beacon; its run counts in hours', () => {
    const ts = every(1800, 9 * DAY + 8 * 3600, 9 * DAY + 16 * 3600);
    const r = scoreBeacon(series(ts, 300, 10 * DAY))!;
    expect(r.components.dur_consistency).toBeCloseTo(0.625, 2); // 7.5 h of 12
    expect(r.score).toBeGreaterThan(0.8);
  });
});
