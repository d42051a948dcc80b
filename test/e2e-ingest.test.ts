// End to end through the CLI: fixtures of every format ingest with exact row counts, the ledger verifies,
// re-ingesting is a no-op, a wrong format claim stores nothing, and changing one evidence byte fails verify.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { openCase } from '../src/cli/case.ts';

const root = resolve(import.meta.dirname, '..');
const fx = (p: string) => join(root, 'src/ingest', p);
const dir = mkdtempSync(join(tmpdir(), 'hoptrace-e2e-'));
const caseDir = join(dir, 'case');
const out: string[] = [];

async function cli(...args: string[]): Promise<number> {
  const write = process.stdout.write.bind(process.stdout);
  const werr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => { out.push(String(s)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { out.push(String(s)); return true; }) as typeof process.stderr.write;
  try {
    process.exitCode = undefined;
    return await main(['node', 'hoptrace', ...args]);
  } finally {
    process.stdout.write = write;
    process.stderr.write = werr;
    process.exitCode = undefined;
  }
}

async function counts(): Promise<Record<string, number>> {
  const k = await openCase(caseDir);
  try {
    const r: Record<string, number> = {};
    for (const t of ['orgs', 'org_networks', 'flows', 'dns', 'tls', 'packets', 'indicators', 'intel_objects', 'sightings', 'accounts', 'leases', 'rejects', 'evidence']) {
      r[t] = await k.store.count(t);
    }
    return r;
  } finally {
    await k.close();
  }
}

beforeAll(() => {
  writeFileSync(join(dir, 'orgs.csv'), 'id,name,sector,country,networks,contacts,sensors\nspace,Space Agency,aerospace,JP,192.168.0.0/16;198.18.0.0/24,soc@space.example,s1\nuni,University,education,JP,198.18.1.0/24,cert@uni.example,s2\n');
  writeFileSync(join(dir, 'router.csv'), 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das,smk,dmk,dtos,dir,nh,nhb,svln,dvln,ismc,odmc,idmc,osmc,mpls1,mpls2,mpls3,mpls4,mpls5,mpls6,mpls7,mpls8,mpls9,mpls10,cl,sl,al,ra,eng,exid,tr\n'
    + '2016-10-01 10:00:00,2016-10-01 10:00:05,5.000,203.0.113.7,198.18.0.9,51000,22,TCP,.AP.SF,0,0,12,900,0,0,1,2,0,0,0,0,0,0,0.0.0.0,0.0.0.0,0,0,00:00:00:00:00:00,00:00:00:00:00:00,00:00:00:00:00:00,00:00:00:00:00:00,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0.000,0.000,0.000,0.0.0.0,0/0,1,1970-01-01 00:00:00.000\n'
    + 'Summary\nflows,bytes,packets,avg_bps,avg_pps,avg_bpp\n1,900,12,1440,2,75\n');
  writeFileSync(join(dir, 'accounts.csv'), 'account_id,name,email,phone,address,postcode,birth_date,payment_fp,signup_ip,signup_ts\n'
    + 'K1,Taro Yamada,taro@mail.example,090-1234-5678,"1-2-3 Shiba, Minato-ku, Tokyo",105-0014,1985-04-01,fp_0011,198.51.100.20,2016-09-01 10:00:00\n');
  writeFileSync(join(dir, 'leases.csv'), 'server_id,ip,account_id,start,end\nvps-1,203.0.113.7,K1,2016-09-02 00:00:00,2016-11-01 00:00:00\n');
});
afterAll(() => { /* the temp dir stays for inspection on failure */ });

describe('ingest end to end', () => {
  it('ingests a fixture of every format with exact counts and reconciles', async () => {
    expect(await cli('ingest', '--case', caseDir, '--quiet', join(dir, 'orgs.csv'))).toBe(0);
    expect(await cli('ingest', '--case', caseDir, '--quiet', '--org', 'space', '--sensor', 's1',
      fx('zeek/fixtures/conn.log'), fx('zeek/fixtures/dns.log'), fx('zeek/fixtures/ssl.log'))).toBe(0);
    expect(await cli('ingest', '--case', caseDir, '--quiet', '--tz', 'Asia/Tokyo', join(dir, 'router.csv'))).toBe(0);
    expect(await cli('ingest', '--case', caseDir, '--quiet', fx('netflow/fixtures/netflow5_test_juniper_mx80.dat'), fx('pcap/fixtures/single-conn.pcap'))).toBe(0);
    expect(await cli('ingest', '--case', caseDir, '--quiet', fx('stix/fixtures/infrastructure.json'), fx('misp/fixtures/circl-sednit-event-trimmed.json'),
      fx('stix/fixtures/stix20-sighting-of-an-indicator.json'))).toBe(0);
    expect(await cli('ingest', '--case', caseDir, '--quiet', '--provider', 'Kumo Hosting', '--tz', 'Asia/Tokyo', '--format', 'accounts', join(dir, 'accounts.csv'))).toBe(0);
    expect(await cli('ingest', '--case', caseDir, '--quiet', '--provider', 'Kumo Hosting', '--tz', 'Asia/Tokyo', '--format', 'leases', join(dir, 'leases.csv'))).toBe(0);
    const c = await counts();
    expect(c).toMatchObject({
      orgs: 2, org_networks: 3, flows: 895 + 1 + 29 + 1, dns: 2872, tls: 2, packets: 94,
      intel_objects: 10 + 3 + 4, sightings: 1, indicators: 7 + 1, accounts: 1, leases: 1, rejects: 0, evidence: 12,
    });
    const k = await openCase(caseDir);
    const nf = await k.store.query<{ ts: number; dst_int: number; org: string }>("SELECT ts, dst_int, org FROM flows WHERE proto = 'tcp' AND dport = 22 AND sport = 51000");
    const lease = await k.store.query<{ start: number }>('SELECT start FROM leases');
    await k.close();
    expect(nf[0]).toEqual({ ts: Date.UTC(2016, 9, 1, 1) / 1000, dst_int: 1, org: 'space' }); // 10:00 JST, inside the org's public block
    expect(lease[0].start).toBe(Date.UTC(2016, 8, 1, 15) / 1000);
    expect(await cli('verify', '--case', caseDir)).toBe(0);
  });

  it('says so and stores nothing when the same bytes come again', async () => {
    const before = await counts();
    expect(await cli('ingest', '--case', caseDir, fx('zeek/fixtures/conn.log'))).toBe(0);
    expect(out.join('')).toMatch(/already ingested/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file claimed to be what it is not, exit 2, nothing stored', async () => {
    const before = await counts();
    expect(await cli('ingest', '--case', caseDir, '--format', 'zeek', fx('stix/fixtures/indicator-for-c2-ip-address.json'))).toBe(2);
    writeFileSync(join(dir, 'garbage.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    expect(await cli('ingest', '--case', caseDir, join(dir, 'garbage.bin'))).toBe(2);
    expect(out.join('')).toMatch(/not a recognised format/);
    expect(await counts()).toEqual(before);
    expect(await cli('verify', '--case', caseDir)).toBe(0);
  });

  it('keeps rejects with file, line and reason, and reconciles read = stored + rejected', async () => {
    const bad = join(dir, 'conn-bad.log');
    const good = readFileSync(fx('zeek/fixtures/conn.log'), 'utf8').split('\n');
    const header = good.filter((l) => l.startsWith('#') && !l.startsWith('#close'));
    const rows = good.filter((l) => l && !l.startsWith('#')).slice(0, 5);
    writeFileSync(bad, [...header, ...rows, 'not-a-time\tCx\t10.0.0.1', `${rows[0].replace(/^\d+\.\d+/, 'nan-ts')}`, ''].join('\n'));
    expect(await cli('ingest', '--case', caseDir, '--quiet', '--json', bad)).toBe(0);
    const k = await openCase(caseDir);
    const rej = await k.store.query<{ line_or_offset: number; reason: string }>('SELECT line_or_offset, reason FROM rejects ORDER BY line_or_offset');
    await k.close();
    expect(rej.map((r) => r.line_or_offset)).toEqual([header.length + 6, header.length + 7]);
    expect(rej[0].reason).toMatch(/column|field/i);
    expect(out.join('')).toMatch(/"read": 7,\s*"stored": 5,\s*"rejected": 2/);
  });

  it('fails verify, naming the entry, after one byte of an evidence file changes', async () => {
    const k = await openCase(caseDir);
    const entry = k.ledger.entries().find((e) => e.action === 'received' && e.name.endsWith('ssl.log'))!;
    await k.close();
    appendFileSync(join(caseDir, entry.copy), 'x');
    expect(await cli('verify', '--case', caseDir)).toBe(1);
    expect(out.join('')).toMatch(new RegExp(`ledger entry ${entry.seq}: evidence file .*ssl\\.log changed size`));
  });
});
