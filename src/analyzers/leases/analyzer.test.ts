import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import { makeFinding } from '../finding.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import type { Store } from '../../store/store.ts';
import { leasesAnalyzer } from './analyzer.ts';

const H = 3600;
const T = 1_700_000_000;
const IP = '45.76.1.10';
let store: Store;
let dir: string;

async function run(params: Record<string, unknown>, upstream: Finding[] = []): Promise<Finding[]> {
  const out: Finding[] = [];
  const ctx = {
    store, caseDir: dir, params: leasesAnalyzer.params.parse(params), log: () => {},
    findingsOf: async (id: string) => upstream.filter((f) => f.analyzer === id),
  };
  for await (const f of leasesAnalyzer.run(ctx)) out.push(f);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoptrace-leases-'));
  store = await DuckDbStore.open({ path: join(dir, 'case.duckdb') });
  await store.append('providers', [{ evidence_id: 'ev-p', asn: 20473, name: 'Vultr', country: 'US', abuse_contact: 'abuse@vultr.example', legal_contact: null, tz: 'Asia/Tokyo' }]);
  await store.append('leases', [
    { evidence_id: 'ev-l', provider: 'Vultr', ip: IP, start: T, end: T + 10 * H, account_id: 'alice', server_id: 'vps-1' },
    { evidence_id: 'ev-l', provider: 'Vultr', ip: IP, start: T + 12 * H, end: null, account_id: 'mallory', server_id: 'vps-9' },
  ]);
});
afterAll(async () => store.close());

describe('leases analyzer', () => {
  it('resolves each moment of a re-leased IP to its holder and reports the gap between', async () => {
    writeFileSync(join(dir, 'moments.csv'), `ip,time,end,port,reason\n${IP},${T + H},,22,ssh brute force\n${IP},${T + 11 * H},,,scan\n${IP},${T + 20 * H},,443,c2\n`);
    const found = await run({ sources: [], evidenceFile: 'moments.csv' });
    const pick = (k: string) => found.filter((f) => f.kind === k).map((f) => [f.details.account_id ?? null, f.first_seen]);
    expect(pick('lease-attribution')).toEqual([['alice', T + H], ['mallory', T + 20 * H]]);
    expect(pick('lease-gap')).toEqual([[null, T + 11 * H]]);
    const a = found.find((f) => f.details.account_id === 'alice')!;
    expect(a.details).toMatchObject({ provider: 'Vultr', server_id: 'vps-1', ports: [22], provider_tz: 'Asia/Tokyo' });
    expect(String(a.details.start_local)).toMatch(/\+09:00$/);
    expect(a.evidence_ids).toContain('ev-l');
    const gap = found.find((f) => f.kind === 'lease-gap')!;
    expect(gap.details).toMatchObject({ lease_before: { account_id: 'alice' }, lease_after: { account_id: 'mallory' } });
  });

  it('cuts an upstream finding window spanning the re-lease', async () => {
    const relay = makeFinding({ analyzer: 'relays', kind: 'relay', subject: IP, score: 0.9, first_seen: T + 9 * H, last_seen: T + 13 * H, details: { relay: IP } });
    const found = await run({ sources: ['relays'] }, [relay]);
    expect(found.map((f) => [f.kind, f.details.account_id ?? null, f.first_seen, f.last_seen])).toEqual([
      ['lease-attribution', 'alice', T + 9 * H, T + 10 * H],
      ['lease-gap', null, T + 10 * H, T + 12 * H],
      ['lease-attribution', 'mallory', T + 12 * H, T + 13 * H],
    ]);
  });

  it('reports an IP nobody leased as a gap, never a guess', async () => {
    writeFileSync(join(dir, 'other.csv'), '8.8.4.4,2024-01-01T00:00:00Z\n');
    const found = await run({ sources: [], evidenceFile: 'other.csv' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'lease-gap', details: { note: 'no lease records for this IP' } });
  });
});
