// Zeek logs as real tools wrote them (fixtures/README.md): Zeek's btest baselines and Tenzir's JSON export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../detect.ts';
import { zeekFormat } from './format.ts';
import { collect, memoryInput } from './testing.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const run = (file: string) => collect(zeekFormat, openInput(join(FIX, file)), { file });

describe('zeek logs from zeek/zeek btest baselines', () => {
  it('reads IPv6 dns records, the unanswered one with its unset rcode and answers', async () => {
    const c = await run('zeek-ipv6-frag-dns.log');
    expect([c.read, c.rows.dns.length, c.rejects.length]).toEqual([3, 3, 0]);
    expect(c.rows.dns[0]).toMatchObject({ ts: 1331084278.438444, src: '2001:470:1f11:81f:d138:5f55:6d4:1fe2', dst: '2607:f740:b::f93', query: 'txtpadding_323.n1.netalyzr.icsi.berkeley.edu', qtype: 'TXT', rcode: 'NOERROR', answers: ['This TXT record should be ignored'] });
    expect(c.rows.dns[2]).toMatchObject({ rcode: null, answers: null });
  });

  it('reads a conn log of an older layout (no local_resp)', async () => {
    const c = await run('zeek-q-in-q-conn.log');
    expect([c.read, c.rows.flows.length, c.rejects.length]).toEqual([2, 2, 0]);
    expect(c.rows.flows[1]).toMatchObject({ src: '193.1.186.60', dst: '224.2.127.254', dport: 9875, duration: 0.000139, bytes_out: 552, pkts_out: 2, state: 'S0', service: null });
  });

  it('skips the btest banner before #separator, sniffs the file, and rejects the masked timestamp by line', async () => {
    const file = 'zeek-pppoe-over-qinq-conn.btest.log';
    expect(zeekFormat.sniff(readFileSync(join(FIX, file)), file)).toBeGreaterThan(0.9);
    const c = await run(file);
    expect([c.read, c.rejects.length]).toEqual([1, 1]);
    expect(c.rejects[0]).toMatchObject({ file, line: 10, reason: "bad timestamp in ts: 'XXXXXXXXXX.XXXXXX'" });
  });
});

describe('zeek JSON exported by Tenzir (nested id, no _path, logs mixed)', () => {
  it('flattens the id record and picks each record’s log by its fields', async () => {
    const file = 'tenzir-m57-nested-id.json';
    expect(zeekFormat.sniff(readFileSync(join(FIX, file)), file)).toBeGreaterThan(0.8);
    const c = await run(file);
    expect([c.read, c.rows.dns?.length, c.rows.flows?.length, c.rows.tls?.length, c.rejects.length]).toEqual([3, 1, 1, 1, 0]);
    expect(c.rows.dns[0]).toMatchObject({ ts: 1637157758.16557, src: '45.137.23.27', dst: '198.71.247.91', query: 'version.bind', qtype: 'TXT' });
    expect(c.rows.flows[0]).toMatchObject({ src: '89.248.165.145', sport: 43831, dst: '198.71.247.91', dport: 52806, proto: 'tcp', state: 'S0', pkts_out: 1, pkts_in: 0, bytes_out: null });
    expect(c.rows.tls[0]).toMatchObject({ src: '64.227.184.169', dport: 80, sni: '198.71.247.91', ja3: '49826454e14fe89f32bec2f79ddadf73', established: 0 });
  });
});

describe('zeek logs written through a log filter', () => {
  it('maps derived paths (conn_red, ssl_red, conn-local) to their base log and still refuses other logs', async () => {
    const ssl = readFileSync(join(FIX, 'ssl.log'), 'utf8');
    const red = await collect(zeekFormat, memoryInput(ssl.replace('#path\tssl', '#path\tssl_red'), 'ssl_red.log'));
    expect([red.read, red.rows.tls.length]).toEqual([2, 2]);
    await expect(collect(zeekFormat, memoryInput(ssl.replace('#path\tssl', '#path\tx509_red')))).rejects.toThrow(/zeek log 'x509_red' is not ingested/);
  });
});
