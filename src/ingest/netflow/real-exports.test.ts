// Real exports: softflowd's v5, v9, IPFIX of the zeek SSH captures, and goflow2's router v9 packets (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, memoryInput } from '../zeek/testing.ts';
import { netflowFormat } from './format.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const run = (file: string) => collect(netflowFormat, memoryInput(readFileSync(join(FIX, file)), file));

// The four flows as nfdump 1.7.1 and tshark 4.0 decode the same packets (times aside, see README).
const FLOWS = [
  { src: '131.159.14.23', sport: 22, dst: '192.150.186.169', dport: 49244, bytes_out: 11159, pkts_out: 42, proto: 'tcp', state: '...AP.SF' },
  { src: '192.150.186.169', sport: 49244, dst: '131.159.14.23', dport: 22, bytes_out: 5880, pkts_out: 52 },
  { src: '172.16.238.1', sport: 49656, dst: '172.16.238.131', dport: 80, bytes_out: 4497, pkts_out: 40 },
  { src: '172.16.238.131', sport: 80, dst: '172.16.238.1', dport: 49656, bytes_out: 4455, pkts_out: 30 },
];

describe('softflowd exports captured on loopback', () => {
  it.each(['softflowd-v5.pcap', 'softflowd-v9.pcap', 'softflowd-ipfix.pcap', 'softflowd-v9-any.pcap'])('%s: 4 flows, none rejected', async (file) => {
    expect(netflowFormat.sniff(readFileSync(join(FIX, file)), file)).toBeGreaterThan(0.9);
    const c = await run(file);
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([4, 4, 0]);
    c.rows.flows.forEach((row, i) => expect(row).toMatchObject(FLOWS[i]));
  });

  it('takes durations from the uptimes in exact milliseconds', async () => {
    expect((await run('softflowd-v5.pcap')).rows.flows.map((r) => r.duration)).toEqual([8.614, 8.614, 9.953, 9.953]);
    expect((await run('softflowd-v9.pcap')).rows.flows.map((r) => r.duration)).toEqual([8.615, 8.615, 9.954, 9.954]) // nfdump: 8.615, 9.954;
  });

  it('places IPFIX boot-relative times with the systemInitTimeMilliseconds options record, as v9 does with sysUptime', async () => {
    const v9 = (await run('softflowd-v9.pcap')).rows.flows;
    const ipfix = (await run('softflowd-ipfix.pcap')).rows.flows;
    expect(ipfix[0].ts).toBe(1799025574.714); // boot 2026-11-26T02:21:22.807Z + 3365891.907 s
    ipfix.forEach((row, i) => expect(Math.abs((row.ts as number) - (v9[i].ts as number))).toBeLessThan(1));
  });
});

describe('a router v9 export from goflow2’s tests', () => {
  it('decodes all 21 flows of the data packet with the template packet before it', async () => {
    const buf = Buffer.concat(['goflow2_nfv9_tpl.dat', 'goflow2_nfv9_data260.dat'].map((f) => readFileSync(join(FIX, f))));
    const c = await collect(netflowFormat, memoryInput(buf, 'goflow2.dat'));
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([21, 21, 0]);
    // goflow2's own assertion on record 0, and the times from sysUptime 3015702147 at 2021-11-09T16:36:56Z.
    expect(c.rows.flows[0]).toMatchObject({ src: '198.38.120.222', dst: '88.121.217.208', sport: 443, dport: 15184, proto: 'tcp', bytes_out: 1500, pkts_out: 1, state: '...A....', ts: 1636475812.022, duration: 0 });
    expect(c.rows.flows[1]).toMatchObject({ src: '109.71.162.196', bytes_out: 3000, pkts_out: 2, duration: 0.291 });
  });
});
