import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import { beaconsAnalyzer, BeaconParamsSchema } from './analyzer.ts';
import { scoredPairs } from './pairs.ts';
import { RITA_DEFAULTS } from './score.ts';

const T0 = 1_700_000_000;
const DAY = 86400;
const flow = (src: string, dst: string, ts: number, o: Record<string, unknown> = {}) => ({
  evidence_id: 'ev', org: 'org-a', sensor: null, ts, duration: 1, src, sport: 50000, dst, dport: 443, proto: 'tcp',
  service: 'ssl', bytes_out: 300, bytes_in: 1200, pkts_out: 4, pkts_in: 4, state: 'SF', uid: null, src_int: 1, dst_int: 0, ...o,
});

function world() {
  const rows = [];
  for (let t = DAY / 2; t < 2.5 * DAY; t += 600) rows.push(flow('10.0.0.5', '203.0.113.7', T0 + t + (t % 7)));      // new beacon
  for (let t = 0; t < 2 * DAY; t += 3600) rows.push(flow('10.0.0.4', '198.51.100.99', T0 + 60 + t));                 // running from the start
  for (let t = DAY / 2; t < 2 * DAY; t += 900) rows.push(flow('2001:db8::5', '2001:db8:ffff::7', T0 + t, { dport: 8443 })); // IPv6 beacon
  for (let i = 0; i < 50; i++) rows.push(flow('10.0.0.6', '198.51.100.20', T0 + 9 * 3600 + i * i * 13, { bytes_out: 100 + i * i * 37 })); // browsing
  for (let i = 0; i < 3; i++) rows.push(flow('10.0.0.7', '198.51.100.30', T0 + i * 3600));                           // too few
  for (let i = 0; i < 100; i++) rows.push(flow('10.0.0.8', '10.0.0.9', T0 + i * 600, { dst_int: 1 }));                 // internal only
  for (let i = 0; i < 60; i++) rows.push(flow('10.0.0.9', '192.0.2.1', T0 + i * 0.5, { dport: 53 }));                 // strobe
  return rows;
}

describe('beacons analyzer', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await DuckDbStore.open({});
    await store.append('flows', world());
  });
  afterAll(async () => { await store.close(); });

  it('scores internal → external pairs only, highest first, with IPv6 text restored', async () => {
    const pairs = await scoredPairs(store, { minConnections: 4, strobePerDay: 86400, byPort: true, allPairs: false }, RITA_DEFAULTS);
    const key = (x: { src: string; dst: string; dport: number | null }) => `${x.src}>${x.dst}:${x.dport}`;
    expect(pairs.map(key)).toEqual(expect.arrayContaining([
      '10.0.0.5>203.0.113.7:443', '2001:db8::5>2001:db8:ffff::7:8443', '10.0.0.6>198.51.100.20:443', '10.0.0.9>192.0.2.1:53',
    ]));
    expect(pairs.some((x) => x.dst === '10.0.0.9' || x.dst === '198.51.100.30')).toBe(false);
    const beacon = pairs.find((x) => x.dst === '203.0.113.7')!;
    expect(beacon.score).toBeGreaterThan(0.9);
    expect(beacon.connections).toBe(288);
    const old = pairs.find((x) => x.dst === '198.51.100.99')!;
    expect(old.components).toMatchObject({ preexisting: true, modifier_decrease: 0.4 });
    expect(old.score).toBeCloseTo(old.components.rita_score! - 0.4, 10);
    expect(pairs.find((x) => x.dst === '198.51.100.20')!.score).toBeLessThan(0.7); // below the finding threshold
  });

  it('flags a strobe (60 connections over a 2.5-day window at a 20/day limit) without scoring it', async () => {
    const pairs = await scoredPairs(store, { minConnections: 4, strobePerDay: 20, byPort: true, allPairs: false }, RITA_DEFAULTS);
    const strobe = pairs.find((x) => x.dst === '192.0.2.1')!;
    expect(strobe.strobe).toBe(true);
    expect(strobe.components.strobe).toBe(true);
  });

  it('keeps every originator pair when asked (file tool without an org directory)', async () => {
    const pairs = await scoredPairs(store, { minConnections: 4, strobePerDay: 86400, byPort: false, allPairs: true }, RITA_DEFAULTS);
    const internal = pairs.find((x) => x.dst === '10.0.0.9')!;
    expect(internal.dport).toBeNull();
    expect(internal.score).toBeGreaterThan(0.5);
  });

  it('emits findings above the threshold with their components', async () => {
    const out: Finding[] = [];
    const params = BeaconParamsSchema.parse({ minScore: 0.8 });
    for await (const f of beaconsAnalyzer.run({ store, params, caseDir: '', findingsOf: async () => [], log: () => {} })) out.push(f);
    expect(out.map((f) => f.subject).sort()).toEqual(['org-a|10.0.0.5→203.0.113.7:443', 'org-a|2001:db8::5→2001:db8:ffff::7:8443']);
    expect(out[0].details.components).toHaveProperty('ts_score');
    expect(out[0].tlp).toBe('amber');
  });

  it('rejects weights that do not sum to 1', () => {
    expect(() => BeaconParamsSchema.parse({ weights: { ts: 1, ds: 1, hist: 0, dur: 0 } })).toThrow(/sum to 1/);
  });
});
