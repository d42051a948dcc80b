import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WrongFormatError } from '../contract.ts';
import { openInput } from '../detect.ts';
import { readZeekRecords, type ZeekRecord } from './generic.ts';
import { zeekFormat } from './format.ts';
import { collect, gzipped, memoryInput, rowCount } from './testing.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const HEAD = [
  '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn', '#open\t2024-01-01-00-00-00',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\torig_pkts\tresp_pkts\ttunnel_parents',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tcount\tcount\tset[string]',
].join('\n');
const ROW = (ts: string, src = '10.0.0.1') => `${ts}\tCabc\t${src}\t5000\t203.0.113.9\t443\ttcp\tssl\t1.5\t100\t2000\tSF\t3\t4\t(empty)`;

describe('zeek TSV', () => {
  it('reads the real OTRF conn, dns and ssl logs with exact counts', async () => {
    const conn = await collect(zeekFormat, openInput(join(FIX, 'conn.log')), { org: 'acme', sensor: 's1' });
    expect([conn.read, conn.rows.flows.length, conn.rejects.length]).toEqual([895, 895, 0]);
    expect(conn.rows.flows[0]).toMatchObject({
      org: 'acme', sensor: 's1', ts: 1693975906.50031, uid: 'CPgXGz4Ck2S7ZKzsu8', src: '192.168.56.30', sport: 62431,
      dst: '192.168.56.1', dport: 53, proto: 'udp', service: 'dns', bytes_out: 0, bytes_in: 24, pkts_out: 0, pkts_in: 2, state: 'SHR',
    });
    const dns = await collect(zeekFormat, openInput(join(FIX, 'dns.log')));
    expect([dns.read, dns.rows.dns.length, dns.rejects.length]).toEqual([2872, 2872, 0]);
    const withQuery = dns.rows.dns.filter((r) => r.query !== '');
    expect(withQuery.length).toBe(16);
    const ssl = await collect(zeekFormat, openInput(join(FIX, 'ssl.log')));
    expect(ssl.rows.tls).toHaveLength(2);
    expect(ssl.rows.tls[0]).toMatchObject({ dport: 6666, established: 0, sni: null, cert_sha1: 'a2887e5ce608082096d8e9d1d02898540dd7e8dd45fc55126ed3c5ab89f241a5' });
  });

  it('maps conn fields, (empty) sets and #close trailers', async () => {
    const c = await collect(zeekFormat, memoryInput(`${HEAD}\n${ROW('1700000000.25')}\n#close\t2024-01-01-01-00-00\n`));
    expect(c.read).toBe(1);
    expect(c.rows.flows[0]).toMatchObject({ ts: 1700000000.25, duration: 1.5, bytes_out: 100, bytes_in: 2000, pkts_out: 3, pkts_in: 4, state: 'SF', service: 'ssl' });
  });

  it('rejects truncated lines, wrong column counts, bad timestamps and bad addresses with line numbers', async () => {
    const body = [ROW('1700000000'), ROW('yesterday'), ROW('1700000001', '10.0.0.300'), `${ROW('1700000002')}\textra`, ROW('1700000003').slice(0, 30)];
    const c = await collect(zeekFormat, memoryInput(`${HEAD}\n${body.join('\n')}`, 'conn.log'));
    expect(c.read).toBe(5);
    expect(rowCount(c)).toBe(1);
    expect(c.rejects.map((r) => [r.line, r.reason])).toEqual([
      [10, "bad timestamp in ts: 'yesterday'"],
      [11, "bad addr in id.orig_h: '10.0.0.300'"],
      [12, 'expected 15 tab-separated fields, got 16'],
      [13, 'expected 15 tab-separated fields, got 5'],
    ]);
    expect(c.rejects[0]).toMatchObject({ file: 'conn.log', raw: ROW('yesterday') });
  });

  it('handles concatenated rotated logs whose header blocks differ', async () => {
    const second = HEAD.replace('#path\tconn', '#path\tconn').replace('\tuid\tid.orig_h', '\tid.orig_h\tuid').replace('\tstring\taddr', '\taddr\tstring');
    const swapped = ROW('1700000100').replace('Cabc\t10.0.0.1', '10.0.0.1\tCabc');
    const text = `${HEAD}\n${ROW('1700000000')}\n#close\tx\n${second}\n${swapped}\n#close\ty\n`;
    const c = await collect(zeekFormat, memoryInput(text));
    expect(c.rows.flows.map((r) => [r.ts, r.uid, r.src])).toEqual([[1700000000, 'Cabc', '10.0.0.1'], [1700000100, 'Cabc', '10.0.0.1']]);
  });

  it('switches mapper when a concatenated file moves from a conn block to a dns block', async () => {
    const head = (path: string, fields: string) => ['#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-',
      `#path\t${path}`, `#fields\t${fields}`, `#types\t${fields.split('\t').map(() => 'string').join('\t')}`].join('\n');
    const text = `${head('conn', 'ts\tuid\tid.orig_h\tid.resp_h')}\n1\tC1\t10.0.0.1\t10.0.0.2\n` +
      `${head('dns', 'ts\tid.orig_h\tid.resp_h\tquery')}\n2\t10.0.0.1\t10.0.0.53\tx.example\n`;
    const c = await collect(zeekFormat, memoryInput(text));
    expect(c.rejects).toEqual([]);
    expect([c.rows.flows.length, c.rows.dns[0].query]).toEqual([1, 'x.example']);
  });

  it('undoes \\x escapes and splits vectors on the set separator', async () => {
    const head = ['#separator \\x09', '#set_separator\t|', '#empty_field\t(empty)', '#unset_field\t-', '#path\tdns',
      '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery\tqtype_name\trcode_name\tanswers',
      '#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tstring\tvector[string]'].join('\n');
    const line = '1700000000\tC1\t::ffff:10.1.2.3\t53000\t2001:DB8::1\t53\tev\\x09il.example\tA\tNOERROR\t192.0.2.1|192.0.2.2';
    const c = await collect(zeekFormat, memoryInput(`${head}\n${line}\n`));
    expect(c.rejects).toEqual([]);
    expect(c.rows.dns[0]).toMatchObject({ src: '10.1.2.3', dst: '2001:db8::1', query: 'ev\til.example', qtype: 'A', answers: ['192.0.2.1', '192.0.2.2'] });
  });

  it('reads gzip input through openInput', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeek-'));
    const path = join(dir, 'conn.log.gz');
    writeFileSync(path, gzipped(`${HEAD}\n${ROW('1700000000')}\n${ROW('1700000001')}\n`));
    expect(rowCount(await collect(zeekFormat, openInput(path)))).toBe(2);
  });

  it('reads rotated logs concatenated as gzip members (cat a.log.gz b.log.gz)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeek-'));
    const path = join(dir, 'conn.rotated.log.gz');
    const hour = (ts: string) => gzipped(`${HEAD}\n${ROW(ts)}\n#close\t2024-01-01-01-00-00\n`);
    writeFileSync(path, Buffer.concat([hour('1700000000'), hour('1700003600'), hour('1700007200')]));
    const c = await collect(zeekFormat, openInput(path));
    expect(c.rows.flows.map((r) => r.ts)).toEqual([1700000000, 1700003600, 1700007200]);
    expect([c.read, c.rejects.length]).toEqual([3, 0]);
  });

  it('refuses binary garbage, STIX JSON, empty files and unsupported logs', async () => {
    const garbage = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x10, 0x0a, 0x41]);
    await expect(collect(zeekFormat, memoryInput(garbage))).rejects.toThrow(/binary data/);
    const stix = JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'indicator' }] });
    await expect(collect(zeekFormat, memoryInput(stix))).rejects.toBeInstanceOf(WrongFormatError);
    await expect(collect(zeekFormat, memoryInput('{\n  "type": "bundle"\n}\n'))).rejects.toThrow(/not Zeek JSON/);
    await expect(collect(zeekFormat, memoryInput(''))).rejects.toThrow(/no header and no records/);
    await expect(collect(zeekFormat, openInput(join(FIX, 'rdp.log.gz')))).rejects.toThrow("zeek log 'rdp' is not ingested (supported: conn, dns, ssl)");
    await expect(collect(zeekFormat, openInput(join(FIX, 'ssh.json.gz')))).rejects.toThrow("zeek log 'ssh' is not ingested");
  });
});

describe('zeek JSON', () => {
  const dotted = { _path: 'conn', ts: '2023-11-14T22:13:20.123456Z', uid: 'C1', 'id.orig_h': '10.0.0.1', 'id.orig_p': 5000, 'id.resp_h': '203.0.113.9', 'id.resp_p': 443, proto: 'tcp', orig_bytes: 10, resp_bytes: 20, conn_state: 'SF', orig_pkts: 1, resp_pkts: 2, duration: 0.5 };
  const underscore = { ts: 1700000000.123456, uid: 'C1', id_orig_h: '10.0.0.1', id_orig_p: 5000, id_resp_h: '203.0.113.9', id_resp_p: 443, proto: 'tcp', orig_bytes: 10, resp_bytes: 20, conn_state: 'SF', orig_pkts: 1, resp_pkts: 2, duration: 0.5 };

  it('reads dotted/ISO and underscore/epoch records to the same rows', async () => {
    const a = await collect(zeekFormat, memoryInput(`${JSON.stringify(dotted)}\n`));
    const b = await collect(zeekFormat, memoryInput(`${JSON.stringify(underscore)}\n`));
    expect(a.rows.flows[0]).toEqual(b.rows.flows[0]);
    expect(a.rows.flows[0]).toMatchObject({ ts: 1700000000.123456, src: '10.0.0.1', bytes_out: 10, bytes_in: 20, pkts_in: 2, state: 'SF' });
  });

  it('reads JSON::TS_MILLIS integer-millisecond times as the same instant', async () => {
    const millis = await collect(zeekFormat, memoryInput(`${JSON.stringify({ ...underscore, ts: 1700000000123 })}\n`));
    expect(millis.rows.flows[0].ts).toBeCloseTo(1700000000.123, 6);
    expect(millis.rows.flows[0].duration).toBe(0.5);
  });

  it('routes mixed paths, rejects bad JSON and bad timestamps mid-file', async () => {
    const dns = { _path: 'dns', ts: 1700000001, uid: 'C2', 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.0.53', query: 'a.example', answers: ['192.0.2.7'] };
    const badTs = { ...dotted, ts: 'not-a-time' };
    const lines = [JSON.stringify(dotted), JSON.stringify(dns), '{"ts": 17000', JSON.stringify(badTs), JSON.stringify({ ...dotted, _path: 'http' })];
    const c = await collect(zeekFormat, memoryInput(lines.join('\n')));
    expect(c.read).toBe(5);
    expect([c.rows.flows.length, c.rows.dns.length]).toEqual([1, 1]);
    expect(c.rejects.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(c.rejects[1].reason).toBe('bad timestamp in ts: "not-a-time"');
    expect(c.rejects[2].reason).toMatch(/'http' is not ingested/);
  });
});

async function records(file: string): Promise<ZeekRecord[]> {
  const out: ZeekRecord[] = [];
  for await (const item of readZeekRecords(createReadStream(join(FIX, file)).pipe(createGunzip()))) {
    if ('reject' in item) throw new Error(`${file}:${item.line}: ${item.reject}`);
    out.push(item.record);
  }
  return out;
}

describe('generic zeek reader', () => {
  it.each([['rdp', 4122], ['ssh', 22]])('reads the TSV and JSON copies of the wrccdc %s log to the same %i records', async (name, count) => {
    const tsv = await records(`${name}.log.gz`);
    const json = await records(`${name}.json.gz`);
    expect(tsv).toHaveLength(count);
    expect(json).toEqual(tsv);
  });
});
