import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WrongFormatError } from '../contract.ts';
import { openInput } from '../detect.ts';
import { collect, memoryInput } from '../zeek/testing.ts';
import { nfdumpFormat } from './format.ts';

const V16_HEADER = 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das,smk,dmk,dtos,dir,nh,nhb,svln,dvln,ismc,odmc,idmc,osmc,mpls1,mpls2,mpls3,mpls4,mpls5,mpls6,mpls7,mpls8,mpls9,mpls10,cl,sl,al,ra,eng,exid,tr';
const tail = (n: number) => Array(n).fill('0').join(',');
const v16 = (ts: string, sa: string, rest = `51514,443,TCP,.AP.SF,0,0,10,1200,8,64000`) =>
  `${ts},2026-09-01 10:00:05,5.000,${sa},198.51.100.20,${rest},${tail(33)}`;
const SUMMARY = 'Summary\nflows,bytes,packets,avg_bps,avg_pps,avg_bpp\n2,65200,18,0,0,0\n';

describe('nfdump csv', () => {
  it('reads the 1.6 layout, stops at the Summary trailer, and applies --tz', async () => {
    const text = `${V16_HEADER}\n${v16('2026-09-01 10:00:00', '10.0.2.20')}\n${v16('2026-09-01 10:00:01.500', '10.0.2.21', '0,3.1,ICMP,........,0,0,1,84,0,0')}\n${SUMMARY}`;
    const utc = await collect(nfdumpFormat, memoryInput(text), { org: 'acme' });
    expect(utc.read).toBe(2);
    expect(utc.rejects).toEqual([]);
    expect(utc.rows.flows[0]).toMatchObject({
      org: 'acme', ts: Date.UTC(2026, 8, 1, 10) / 1000, duration: 5, src: '10.0.2.20', dst: '198.51.100.20', sport: 51514, dport: 443,
      proto: 'tcp', state: '.AP.SF', pkts_out: 10, bytes_out: 1200, pkts_in: 8, bytes_in: 64000,
    });
    expect(utc.rows.flows[1]).toMatchObject({ ts: Date.UTC(2026, 8, 1, 10, 0, 1, 500) / 1000, proto: 'icmp', sport: 3, dport: 1 });
    const tokyo = await collect(nfdumpFormat, memoryInput(text), { tz: 'Asia/Tokyo' });
    expect(tokyo.rows.flows[0].ts).toBe(Date.UTC(2026, 8, 1, 1) / 1000);
  });

  it('reads concatenated exports, each with its own header and Summary', async () => {
    const one = `${V16_HEADER}\n${v16('2026-09-01 10:00:00', '10.0.2.20')}\n${SUMMARY}`;
    const c = await collect(nfdumpFormat, memoryInput(one + one));
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([2, 2, 0]);
  });

  it('reads the 1.7 named layout and the fast csv with epoch msec; missing out columns become null', async () => {
    const v17 = 'firstSeen,lastSeen,duration,srcAddr,dstAddr,srcPort,dstPort,proto,flags,inPackets,inBytes,outPackets,outBytes\n' +
      '2026-09-01 10:00:00.250,2026-09-01 10:00:02.250,2.000,2001:DB8::5,10.0.0.9,40000,22,6,...A..S.,4,400,3,300\n';
    const a = await collect(nfdumpFormat, memoryInput(v17));
    expect(a.rows.flows[0]).toMatchObject({ ts: Date.UTC(2026, 8, 1, 10, 0, 0, 250) / 1000, src: '2001:db8::5', proto: 'tcp', bytes_in: 300, duration: 2 });
    const fast = 'cnt,af,firstSeen,lastSeen,proto,srcAddr,srcPort,dstAddr,dstPort,srcAS,dstAS,input,output,flags,srcTos,packets,bytes\n' +
      '1,2,1788256800000,1788256803000,17,10.0.0.1,53000,10.0.0.53,53,0,0,0,0,........,0,2,150\n';
    const b = await collect(nfdumpFormat, memoryInput(fast));
    expect(b.rows.flows[0]).toMatchObject({ ts: 1788256800, duration: 3, proto: 'udp', pkts_out: 2, bytes_out: 150, pkts_in: null, bytes_in: null });
  });

  it('rejects wrong column counts, truncated lines, bad timestamps and bad addresses with line numbers', async () => {
    const lines = [V16_HEADER, v16('2026-09-01 10:00:00', '10.0.2.20'), v16('2026-13-01 10:00:00', '10.0.2.20'),
      v16('2026-09-01 10:00:00', '10.0.2.999'), `${v16('2026-09-01 10:00:00', '10.0.2.20')},extra`, v16('2026-09-01 10:00:00', '10.0.2.20').slice(0, 40)];
    const c = await collect(nfdumpFormat, memoryInput(lines.join('\n')));
    expect(c.read).toBe(5);
    expect(c.rows.flows).toHaveLength(1);
    expect(c.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, "bad timestamp in ts: '2026-13-01 10:00:00'"],
      [4, "bad source address: '10.0.2.999'"],
      [5, 'expected 48 comma-separated fields, got 49'],
      [6, 'expected 48 comma-separated fields, got 3'],
    ]);
  });

  it('refuses files that are not nfdump exports', async () => {
    await expect(collect(nfdumpFormat, memoryInput('{"type":"bundle"}\n'))).rejects.toBeInstanceOf(WrongFormatError);
    await expect(collect(nfdumpFormat, memoryInput(Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 0, 0, 0])))).rejects.toThrow(/not an nfdump/);
    await expect(collect(nfdumpFormat, memoryInput(''))).rejects.toThrow(/no header/);
    expect(nfdumpFormat.sniff(Buffer.from(`${V16_HEADER}\n`), 'x.csv')).toBeGreaterThan(0.9);
    expect(nfdumpFormat.sniff(Buffer.from('id,name\n'), 'x.csv')).toBe(0);
  });
});

describe('nfdump csv written by nfdump 1.7.1 (fixtures/SOURCE.md)', () => {
  const FIX = join(import.meta.dirname, 'fixtures');
  const run = (file: string) => collect(nfdumpFormat, openInput(join(FIX, file)), { file });

  it('reads the 48-column export with its Summary, whole-second times and ms durations', async () => {
    const c = await run('nfdump171-single-conn.csv');
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([2, 2, 0]);
    expect(c.rows.flows[0]).toMatchObject({
      ts: Date.UTC(2006, 5, 16, 19, 18, 33) / 1000, duration: 8.433, src: '131.159.14.23', sport: 22, dst: '192.150.186.169', dport: 49244,
      proto: 'tcp', state: '...AP.SF', pkts_out: 42, bytes_out: 10991, pkts_in: 0, bytes_in: 0,
    });
  });

  it('reads -q output (no header, no summary) as the default layout, and sniffs it', async () => {
    const file = 'nfdump171-ssh-on-port-80.noheader.csv';
    expect(nfdumpFormat.sniff(readFileSync(join(FIX, file)), file)).toBeGreaterThanOrEqual(0.7);
    const c = await run(file);
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([2, 2, 0]);
    expect(c.rows.flows[1]).toMatchObject({ src: '172.16.238.131', sport: 80, dst: '172.16.238.1', dport: 49656, duration: 9.951, pkts_out: 30, bytes_out: 4455 });
  });

  it('orders first/last seen printed the wrong way round and ignores the wrapped duration', async () => {
    const ipfix = await run('nfdump171-softflowd-ipfix.csv');
    expect([ipfix.read, ipfix.rows.flows.length, ipfix.rejects.length]).toEqual([4, 4, 0]);
    expect(ipfix.rows.flows[0]).toMatchObject({ ts: Date.UTC(2027, 0, 4, 1, 19, 34) / 1000, duration: 9, bytes_out: 11159 });
    const v9 = await run('nfdump171-softflowd-v9.csv');
    expect(v9.rows.flows.map((r) => [r.ts, r.duration])).toEqual([
      [Date.UTC(2027, 0, 4, 1, 19, 34) / 1000, 8.615], [Date.UTC(2027, 0, 4, 1, 19, 34) / 1000, 8.615],
      [Date.UTC(2026, 11, 29, 15, 9, 22) / 1000, 9.954], [Date.UTC(2026, 11, 29, 15, 9, 22) / 1000, 9.954],
    ]);
  });

  it('knows the 1.7.3+ default layout without its header (FORMAT_CSV of nfdump output.c)', async () => {
    // The first record of nfdump171-single-conn.csv in `%ts,%td,%pr,%sa,%sp,%da,%dp,%pkt,%byt,%fl` order.
    const c = await collect(nfdumpFormat, memoryInput('2006-06-16 19:18:33.201,8.433,6,131.159.14.23,22,192.150.186.169,49244,42,10991,1\n'));
    expect(c.rows.flows[0]).toMatchObject({ ts: 1150485513.201, duration: 8.433, proto: 'tcp', src: '131.159.14.23', dport: 49244, pkts_out: 42, bytes_out: 10991 });
    await expect(collect(nfdumpFormat, memoryInput('2006-06-16 19:18:33,8.433,6,131.159.14.23\n'))).rejects.toThrow(/line 1 is neither an nfdump csv header/);
  });
});
