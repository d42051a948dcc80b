import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import { InfraParamsSchema, sharedInfraAnalyzer } from './analyzer.ts';

const T0 = 1_600_000_000;
const DAY = 86400;
const ORGS = Array.from({ length: 10 }, (_, i) => `org-${i}`);
const host = (o: number, h = 5) => `10.${o}.0.${h}`;
const ATTACKER = '203.0.113.66';
const CDN = '198.19.0.10';
const SCANNER = '198.19.60.10';
const PARTNER = '192.0.2.200';
const IOC = '198.51.100.5';
const FOLLOW = '198.51.100.77';

const flow = (org: number, src: string, dst: string, ts: number, o: Record<string, unknown> = {}) => ({
  evidence_id: 'ev', org: ORGS[org], sensor: null, ts, duration: 2, src, sport: 40000, dst, dport: 443, proto: 'tcp',
  service: 'ssl', bytes_out: 800, bytes_in: 40000, pkts_out: 8, pkts_in: 30, state: 'SF', uid: null,
  src_int: src.startsWith('10.') ? 1 : 0, dst_int: dst.startsWith('10.') ? 1 : 0, ...o,
});

function world() {
  const rows = [];
  for (let d = 0; d < 5; d++) {
    for (let o = 0; o < 10; o++) {
      rows.push(flow(o, host(o), CDN, T0 + d * DAY + 3600 * 9));
      for (const port of [22, 23, 445, 3389]) rows.push(flow(o, SCANNER, host(o, 9), T0 + d * DAY + port, { dport: port, state: 'S0', bytes_out: 0, bytes_in: 0, duration: 0 }));
    }
    rows.push(flow(3, host(3), PARTNER, T0 + d * DAY + 7200, { dport: 8443 }));
  }
  for (const o of [1, 4, 6, 8]) {
    const t = T0 + 2 * DAY + o * 3600;
    rows.push(flow(o, ATTACKER, host(o), t, { dport: 22, service: 'ssh', duration: 300, bytes_out: 9000, bytes_in: 30000 }));
    for (let k = 1; k <= 6; k++) rows.push(flow(o, host(o), ATTACKER, t + k * 600, { dport: 8443, bytes_out: 300, bytes_in: 200, duration: 1 }));
  }
  rows.push(flow(2, host(2, 7), IOC, T0 + 3 * DAY));
  rows.push(flow(2, host(2, 7), FOLLOW, T0 + 3 * DAY + 900, { dport: 4444 }));
  rows.push(flow(5, host(5, 7), IOC, T0 + 3 * DAY + 50));
  rows.push(flow(5, host(5, 7), FOLLOW, T0 + 3 * DAY + 1000, { dport: 4444 }));
  return rows;
}

async function run(store: DuckDbStore, params = {}): Promise<Finding[]> {
  const out: Finding[] = [];
  const ctx = { store, params: InfraParamsSchema.parse(params), caseDir: '', findingsOf: async () => [], log: () => {} };
  for await (const f of sharedInfraAnalyzer.run(ctx)) out.push(f);
  return out;
}

describe('shared-infra analyzer', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await DuckDbStore.open({});
    await store.append('flows', world());
    await store.append('dns', [{ evidence_id: 'ev', org: 'org-1', ts: T0 + 2 * DAY, src: host(1), dst: '10.1.0.53', query: 'Update.Evil.example', answers: [ATTACKER] }]);
    await store.append('tls', [{ evidence_id: 'ev', org: 'org-4', ts: T0 + 2 * DAY, src: host(4), dst: ATTACKER, dport: 8443, sni: 'cdn-sync.evil.example' }]);
  });
  afterAll(async () => { await store.close(); });

  it('ranks the attacker server first; CDN, scanner and one org\'s partner stay out', async () => {
    const f = await run(store, { correlationLimitMin: 5, breadthFullOrgs: 4 });
    expect(f[0].subject).toBe(ATTACKER);
    expect(f[0].score).toBeGreaterThan(0.5);
    const subjects = f.map((x) => x.subject);
    for (const benign of [CDN, SCANNER, PARTNER]) expect(subjects).not.toContain(benign);
  });

  it('explains the score with components, flags and the numbers behind them', async () => {
    const a = (await run(store, { correlationLimitMin: 5, breadthFullOrgs: 4 })).find((x) => x.subject === ATTACKER)!;
    expect(a.kind).toBe('endpoint');
    expect(a.tlp).toBe('amber');
    expect(a.details).toMatchObject({
      names: expect.arrayContaining(['update.evil.example', 'cdn-sync.evil.example']),
      numbers: { orgs: 4, orgs_total: 10, flows_inbound: 4, flows_outbound: 24, orgs_engaged: 4, flows_to_common_ports: 0 },
      components: { direction: 1, ports: 1 },
      flags: { over_correlating: false, scanner_like: false, known_indicator: false },
    });
  });

  it('emits the names that resolved to a high-scoring address as findings too', async () => {
    const f = await run(store, { correlationLimitMin: 5, breadthFullOrgs: 4 });
    const d = f.find((x) => x.subject === 'update.evil.example')!;
    expect(d.score).toBe(f[0].score);
    expect(d.details.ips).toEqual([ATTACKER]);
  });

  it('caps over-correlation: the CDN reached by every org gets no breadth', async () => {
    const f = await run(store, { correlationLimitMin: 5, minScore: 0 });
    const cdn = f.find((x) => x.subject === CDN)!;
    expect(cdn.score).toBe(0);
    expect(cdn.details).toMatchObject({ flags: { over_correlating: true }, components: { breadth: 0 } });
  });

  it('with a known indicator, raises endpoints first reached shortly after it', async () => {
    const before = (await run(store, { minScore: 0 })).find((x) => x.subject === FOLLOW)!;
    await store.append('indicators', [{ evidence_id: 'intel', id: 'i1', type: 'ipv4', value: IOC, ip: IOC, source: 'prior', tlp: 'amber' }]);
    const f = await run(store, { minScore: 0 });
    const after = f.find((x) => x.subject === FOLLOW)!;
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.details).toMatchObject({ numbers: { follow_orgs: 2, follow_hosts: 2 } });
    expect(f.find((x) => x.subject === IOC)!.details).toMatchObject({ flags: { known_indicator: true } });
  });
});
