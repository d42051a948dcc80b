import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFinding } from '../../../analyzers/finding.ts';
import { DuckDbStore } from '../../../store/duckdb/duckdb-store.ts';
import type { Store } from '../../../store/store.ts';
import { writeProviderReports } from './provider-report.ts';

let store: Store;
let dir: string;
const T = 1_700_000_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoptrace-prov-report-'));
  store = await DuckDbStore.open({ path: join(dir, 'case.duckdb') });
  await store.migrate();
  await store.append('providers', [{ evidence_id: 'e', asn: 9370, name: 'Sakura <VPS>', country: 'JP', abuse_contact: 'abuse@sakura.example', legal_contact: 'legal@sakura.example', tz: 'Asia/Tokyo' }]);
  await store.replaceFindings('leases', [
    makeFinding({ analyzer: 'leases', kind: 'lease-attribution', subject: 'a', score: 1, first_seen: T, last_seen: T + 60, details: {
      ip: '45.76.1.10', provider: 'Sakura <VPS>', account_id: 'C-1', server_id: 'vps-1', provider_tz: 'Asia/Tokyo',
      start_utc: '2023-11-14T22:13:20.000Z', end_utc: '2023-11-14T22:14:20.000Z', start_local: '2023-11-15 07:13:20 +09:00', end_local: '2023-11-15 07:14:20 +09:00',
      ports: [22], reasons: ['relays:relay', 'listed'], conflict: false } }),
    makeFinding({ analyzer: 'leases', kind: 'lease-gap', subject: 'g', score: 1, first_seen: T + 99, last_seen: T + 99, details: {
      ip: '45.76.1.10', providers_with_leases: ['Sakura <VPS>'], start_utc: '2023-11-14T22:14:59.000Z', end_utc: '2023-11-14T22:14:59.000Z', ports: [], reasons: ['listed'] } }),
  ], 'run');
});
afterAll(async () => store.close());

describe('writeProviderReports', () => {
  it('writes a CSV and an addressed letter per provider with UTC and local windows', async () => {
    const out = join(dir, 'out');
    const files = await writeProviderReports(store, out, { caseRef: 'CASE-7', today: '2026-11-25' });
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['providers.csv', 'sakura-vps.csv', 'sakura-vps-request.md', 'sakura-vps-request.html']);
    const csv = readFileSync(join(out, 'sakura-vps.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('ip,start_utc,end_utc,start_local,end_local,tz,ports,reasons,account_id,server_id,status');
    expect(csv[1]).toContain('2023-11-15 07:13:20 +09:00');
    expect(csv[2]).toMatch(/no-lease-on-record$/);
    const md = readFileSync(join(out, 'sakura-vps-request.md'), 'utf8');
    expect(md).toContain('legal@sakura.example');
    expect(md).toContain('AS9370');
    expect(md).toContain('Asia/Tokyo');
    const html = readFileSync(join(out, 'sakura-vps-request.html'), 'utf8');
    expect(html).toContain('Sakura &lt;VPS&gt;');
    expect(html).not.toContain('<VPS>');
    expect(html).toContain('<td>45.76.1.10</td>');
  });
});
