import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WrongFormatError } from '../contract.ts';
import { collect, memoryInput } from '../zeek/testing.ts';
import { netflowFormat } from './format.ts';
import { exporterPcap } from './testing.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const load = (...files: string[]) => Buffer.concat(files.map((f) => readFileSync(join(FIX, f))));
const run = (buf: Buffer, name = 'nf.dat') => collect(netflowFormat, memoryInput(buf, name), { sensor: 'edge1' });

describe('netflow on the real exporter samples', () => {
  it.each([
    [['netflow5_test_juniper_mx80.dat'], 29],
    [['netflow9_test_cisco_asa_1_tpl.dat', 'netflow9_test_cisco_asa_1_data.dat'], 14],
    [['ipfix_test_mikrotik_tpl.dat', 'ipfix_test_mikrotik_data258.dat'], 28],
    [['ipfix_test_yaf_tpl45841.dat', 'ipfix_test_yaf_data45841.dat'], 1],
  ])('%j decodes to exactly %i flows', async (files, flows) => {
    const c = await run(load(...files));
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([flows, flows, 0]);
  });

  it('decodes v5 fields with sysUptime-based times', async () => {
    const c = await run(load('netflow5_test_juniper_mx80.dat'));
    expect(c.rows.flows[0]).toMatchObject({
      sensor: 'edge1', src: '10.0.0.1', sport: 443, dst: '192.168.0.2', dport: 61608, proto: 'tcp', bytes_out: 1500, pkts_out: 1, state: '...A....',
    });
    expect(c.rows.flows[0].ts).toBeCloseTo(1469109154.936, 3);
  });

  it('decodes IPFIX biflows with reverse elements and millisecond times (YAF)', async () => {
    const c = await run(load('ipfix_test_yaf_tpl45841.dat', 'ipfix_test_yaf_data45841.dat'));
    expect(c.rows.flows[0]).toMatchObject({ src: '172.16.32.201', dst: '172.16.32.100', dport: 53, proto: 'udp', bytes_out: 132, bytes_in: 200, pkts_out: 2, pkts_in: 2, ts: 1482670715.818 });
  });

  it('decodes the v9 packet whose header count names only its flows (logstash "invalid01"), IPv6 included', async () => {
    const c = await run(load('netflow9_test_invalid01.dat'));
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([2, 2, 0]);
    expect(c.rows.flows[0]).toMatchObject({ src: '2001:44b8:1118:7200::10', dst: '2001:44b8:4030:cd91:8075:bae:d39d:2621', sport: 123, dport: 123, proto: 'udp', bytes_out: 96 });
    expect(c.rows.flows[1]).toMatchObject({ src: '192.168.0.1', sport: 53, dst: '192.168.0.105', dport: 55575, bytes_out: 98 });
  });

  it('rejects data sets that arrive before their template, and counts nothing for template-only files', async () => {
    const c = await run(load('netflow9_test_cisco_asa_1_data.dat'));
    expect(c.read).toBe(1);
    expect(c.rejects[0]).toMatchObject({ offset: 20, reason: 'offset 20: no template 265 for source 0 (data set before its template)' });
    expect((await run(load('ipfix_test_mikrotik_tpl.dat'))).read).toBe(0);
  });
});

describe('netflow malformed input', () => {
  const v5 = load('netflow5_test_juniper_mx80.dat');

  it('rejects a truncated trailing packet at its byte offset and keeps the good ones', async () => {
    const c = await run(Buffer.concat([v5, v5.subarray(0, 100)]));
    expect(c.rows.flows).toHaveLength(29);
    expect(c.rejects).toEqual([{ file: 'nf.dat', offset: v5.length, reason: `truncated packet: header says ${v5.length} bytes, 100 left` }]);
  });

  it('rejects garbage after good packets, and refuses files that are not export data', async () => {
    const c = await run(Buffer.concat([v5, Buffer.from('garbage that is no header')]));
    expect(c.rejects[0]).toMatchObject({ offset: v5.length, reason: expect.stringMatching(/unknown export version/) });
    await expect(run(Buffer.from('#separator \\x09\n#fields\tts\n'))).rejects.toBeInstanceOf(WrongFormatError);
    await expect(run(Buffer.from(JSON.stringify({ type: 'bundle', objects: [] })))).rejects.toThrow(/not NetFlow\/IPFIX/);
  });

  it('rejects a corrupt set length inside a v9 packet as one reject', async () => {
    const tpl = Buffer.from(load('netflow9_test_cisco_asa_1_tpl.dat'));
    tpl.writeUInt16BE(0xfff0, 22); // first flowset's length points past the end
    const c = await run(tpl);
    expect(c.read).toBe(1);
    expect(c.rejects[0].reason).toMatch(/^corrupt v9 packet: set 0 at byte 20 has length 65520/);
  });
});

describe('netflow records without addresses', () => {
  it('rejects a flow record that carries no addresses at its byte offset', async () => {
    const msg = Buffer.alloc(16 + 12 + 8);
    msg.writeUInt16BE(10, 0);
    msg.writeUInt16BE(msg.length, 2);
    msg.writeUInt32BE(1700000000, 4);
    msg.writeUInt16BE(2, 16); // template set
    msg.writeUInt16BE(12, 18);
    msg.writeUInt16BE(300, 20); // template 300: octetDeltaCount only
    msg.writeUInt16BE(1, 22);
    msg.writeUInt16BE(1, 24);
    msg.writeUInt16BE(4, 26);
    msg.writeUInt16BE(300, 28); // data set
    msg.writeUInt16BE(8, 30);
    msg.writeUInt32BE(1234, 32);
    const c = await run(msg);
    expect(c.rejects).toEqual([{ file: 'nf.dat', offset: 32, reason: 'flow record without source/destination address' }]);
  });
});

describe('netflow from a capture of the exporter', () => {
  it('reads export packets out of a pcap, keyed by exporter address', async () => {
    const pcap = exporterPcap([load('ipfix_test_yaf_tpl45841.dat'), load('ipfix_test_yaf_data45841.dat'), load('netflow5_test_juniper_mx80.dat')]);
    expect(netflowFormat.sniff(pcap, 'export.pcap')).toBeGreaterThan(0.5);
    const c = await run(pcap, 'export.pcap');
    expect([c.read, c.rows.flows.length]).toEqual([30, 30]);
    const other = exporterPcap([load('ipfix_test_yaf_data45841.dat')], '192.0.2.99');
    const templatesFromAnotherExporter = exporterPcap([load('ipfix_test_yaf_tpl45841.dat')]);
    const mixed = Buffer.concat([templatesFromAnotherExporter, other.subarray(24)]);
    expect((await run(mixed, 'mixed.pcap')).rejects[0].reason).toMatch(/no template 45841 for source 0/);
  });

  it('refuses a capture without export packets and does not sniff it as netflow', async () => {
    const ssh = readFileSync(join(FIX, 'single-conn.pcap'));
    expect(netflowFormat.sniff(ssh, 'single-conn.pcap')).toBe(0);
    await expect(run(ssh, 'single-conn.pcap')).rejects.toThrow(/holds no NetFlow\/IPFIX export packets/);
  });
});
