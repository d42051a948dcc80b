import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import { iocsFormat } from '../../ingest/iocs/format.ts';
import { parseText } from '../../ingest/iocs/testing.ts';
import { mergedIndicators } from '../../enrich/indicators.ts';
import { engineFactories } from '../../store/engines.testing.ts';
import type { Row, Store } from '../../store/store.ts';
import { iocMatchAnalyzer } from './analyzer.ts';

const T = (iso: string) => Date.parse(iso) / 1000;
const flow = (org: string, src: string, dst: string, ts: number): Row => ({
  evidence_id: 'ev-conn', org, sensor: null, ts, duration: 1, src, sport: 40000, dst, dport: 443, proto: 'tcp', service: null,
  bytes_out: 1, bytes_in: 1, pkts_out: 1, pkts_in: 1, state: 'SF', uid: null, src_int: src.startsWith('10.') ? 1 : 0, dst_int: dst.startsWith('10.') ? 1 : 0,
});
const dns = (org: string, query: string, answers: string[], ts: number): Row => ({
  evidence_id: 'ev-dns', org, sensor: null, ts, src: '10.0.0.5', dst: '10.0.0.53', uid: null, query, qtype: 'A', rcode: 'NOERROR', answers,
});
const tls = (org: string, sni: string, ts: number): Row => ({
  evidence_id: 'ev-tls', org, sensor: null, ts, src: '10.0.0.5', dst: '192.0.2.1', dport: 443, uid: null, sni, ja3: null, ja3s: null,
  cert_sha1: null, subject: null, issuer: null, established: 1,
});

async function ingestIocs(store: Store, text: string, evidence: string, source: string) {
  const r = await parseText(iocsFormat, text, { source, tlp: 'green' });
  for (const [t, rows] of Object.entries(r.rows)) await store.append(t as never, rows.map((x) => ({ ...x, evidence_id: evidence })));
}

async function run(store: Store, params: Record<string, unknown> = {}): Promise<Finding[]> {
  const out: Finding[] = [];
  const ctx = { store, params: iocMatchAnalyzer.params.parse(params), caseDir: '', findingsOf: async () => [], log: () => {} };
  for await (const f of iocMatchAnalyzer.run(ctx)) out.push(f);
  return out;
}

describe('ioc-match', () => {
  let store: Store;
  let findings: Finding[];
  beforeAll(async () => {
    store = await engineFactories()[0].create();
    // two feeds: A is valid in 2024-H1 only, B has no window; both list 203.0.113.5 → corroborated
    await ingestIocs(store, 'value,valid_from,valid_until,confidence,group\n203.0.113.5,2024-01-01,2024-06-30,80,Tick\n'
      + '198.51.100.0/24,2024-01-01,2024-12-31,,\nevil[.]example,,,,\n192.0.2.99,2020-01-01,2020-12-31,,\n'
      + '192.0.2.200,2024-01-01,2025-12-31,,\n', 'ev-a', 'feedA');
    const lease = (start: string, end: string | null, account: string) => ({ evidence_id: 'ev-leases', provider: 'P', ip: '192.0.2.200',
      start: T(start), end: end ? T(end) : null, account_id: account, server_id: null });
    // the group held 192.0.2.200 until May; an honest customer leased it from June (after feedA published it)
    await store.append('leases', [lease('2023-10-01T00:00:00Z', '2024-05-01T00:00:00Z', 'bad'), lease('2024-06-01T00:00:00Z', null, 'honest')]);
    await ingestIocs(store, '203.0.113.5\nhxxp://files.example/x.exe\n', 'ev-b', 'feedB');
    await store.append('flows', [
      flow('org1', '10.0.0.5', '203.0.113.5', T('2024-03-01T00:00:00Z')),
      flow('org1', '203.0.113.5', '10.0.0.6', T('2024-03-02T00:00:00Z')),
      flow('org2', '10.1.0.5', '203.0.113.5', T('2025-01-01T00:00:00Z')), // only feedB's window (open) applies
      flow('org2', '10.1.0.5', '198.51.100.77', T('2024-05-01T00:00:00Z')), // CIDR
      flow('org3', '10.2.0.5', '198.51.100.77', T('2025-05-01T00:00:00Z')), // CIDR, after its window → stale
      flow('org3', '10.2.0.5', '192.0.2.99', T('2024-05-01T00:00:00Z')), // stale only
      flow('org3', '10.2.0.5', '198.51.101.1', T('2024-05-01T00:00:00Z')), // outside the CIDR
      flow('org1', '10.0.0.7', '192.0.2.200', T('2024-03-01T00:00:00Z')), // the group's lease: a hit
      flow('org2', '10.1.0.7', '192.0.2.200', T('2024-08-01T00:00:00Z')), // the honest customer's lease: re-leased
      flow('org4', '10.3.0.5', '198.51.100.9', T('2023-12-20T00:00:00Z')), // 12 days before the CIDR's valid_from
    ]);
    await store.append('dns', [
      dns('org1', 'www.evil.example', ['192.0.2.7'], T('2024-02-01T00:00:00Z')),
      dns('org2', 'notevil.example', ['203.0.113.5'], T('2025-02-01T00:00:00Z')),
      dns('org2', 'files.example', [], T('2024-02-02T00:00:00Z')),
    ]);
    await store.append('tls', [tls('org3', 'EVIL.example', T('2024-02-03T00:00:00Z'))]);
    findings = await run(store);
  });
  afterAll(async () => { await store.close(); });

  const find = (subject: string) => findings.find((f) => f.subject === subject);

  it('matches flows both ways, once per (indicator, org), with counts, times and corroborating sources', () => {
    const f = find('ipv4:203.0.113.5@org1')!;
    expect(f.kind).toBe('ioc-hit');
    expect(f.details).toMatchObject({ hits: 2, via: ['flow-dst', 'flow-src'], matched_sources: ['feedA', 'feedB'], corroborating_sources: ['feedA', 'feedB'] });
    expect([f.first_seen, f.last_seen]).toEqual([T('2024-03-01T00:00:00Z'), T('2024-03-02T00:00:00Z')]);
    expect(f.score).toBe(0.92); // 1 - (1-0.8)(1-0.6)
    expect(f.tlp).toBe('green');
    expect(f.details.actors).toEqual(['actor:tick']); // the CSV group label, resolved
  });

  it('respects validity windows per source', () => {
    const f = find('ipv4:203.0.113.5@org2')!;
    expect(f.details).toMatchObject({ hits: 2, matched_sources: ['feedB'], corroborating_sources: ['feedA', 'feedB'] });
    expect(f.details.via).toEqual(['dns-answer', 'flow-dst']);
  });

  it('matches IPv4 CIDRs by range, and reports stale-only matches as such', () => {
    expect(find('cidr:198.51.100.0/24@org2')).toMatchObject({ kind: 'ioc-hit', details: expect.objectContaining({ hits: 1 }) });
    const stale = find('cidr:198.51.100.0/24@org3')!;
    expect(stale).toMatchObject({ kind: 'ioc-stale', score: 0 });
    expect(String(stale.details.note)).toMatch(/only stale matches/);
    expect(find('ipv4:192.0.2.99@org3')).toMatchObject({ kind: 'ioc-stale', details: expect.objectContaining({ stale_hits: 1 }) });
  });

  it('matches domains and subdomains in DNS and TLS SNI, URL indicators by host', () => {
    expect(find('domain:evil.example@org1')!.details).toMatchObject({ via: ['dns-query'], hits: 1 });
    expect(find('domain:evil.example@org3')!.details).toMatchObject({ via: ['tls-sni'] });
    expect(find('domain:evil.example@org2')).toBeUndefined(); // notevil.example is not a subdomain
    const url = find('url:http://files.example/x.exe@org2')!;
    expect(url.score).toBe(0.3);
    expect(findings.filter((f) => f.kind === 'ioc-hit')).toHaveLength(7);
  });

  it('does not count observations on an IP re-leased after the source published it', () => {
    expect(find('ipv4:192.0.2.200@org1')).toMatchObject({ kind: 'ioc-hit', details: expect.objectContaining({ hits: 1, released_hits: 0 }) });
    const released = find('ipv4:192.0.2.200@org2')!;
    expect(released).toMatchObject({ kind: 'ioc-stale', details: expect.objectContaining({ hits: 0, released_hits: 1, stale_hits: 0 }) });
    expect(String(released.details.note)).toMatch(/re-leased/);
  });

  it('retro-hunts before valid_from only when asked, with a discounted score', async () => {
    expect(find('cidr:198.51.100.0/24@org4')).toMatchObject({ kind: 'ioc-stale' });
    const retro = (await run(store, { retroDays: 30 })).find((f) => f.subject === 'cidr:198.51.100.0/24@org4')!;
    expect(retro).toMatchObject({ kind: 'ioc-hit', score: 0.45, details: expect.objectContaining({ hits: 1, retro_hits: 1 }) });
    const short = (await run(store, { retroDays: 5 })).find((f) => f.subject === 'cidr:198.51.100.0/24@org4')!;
    expect(short.kind).toBe('ioc-stale');
  });

  it('keeps one merged indicator per value across the two files', async () => {
    const m = (await mergedIndicators(store, 'ipv4')).find((x) => x.value === '203.0.113.5')!;
    expect(m).toMatchObject({ sources: ['feedA', 'feedB'], source_count: 2, valid_from: null, valid_until: null, confidence: 80 });
    expect(m.evidence_ids).toEqual(['ev-a', 'ev-b']);
  });
});
