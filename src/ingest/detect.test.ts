import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { detectFormat, openInput, readHead } from './detect.ts';
import { readAll } from './lines.ts';
import { exporterPcap } from './netflow/testing.ts';
import { gzipped } from './zeek/testing.ts';

const ZEEK = join(import.meta.dirname, 'zeek', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'detect-'));

function write(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('detectFormat', () => {
  it('recognises Zeek TSV, Zeek JSON and gzip', async () => {
    expect(await detectFormat(join(ZEEK, 'conn.log'))).toMatchObject({ format: 'zeek', gzip: false });
    expect(await detectFormat(join(ZEEK, 'rdp.json.gz'))).toMatchObject({ format: 'zeek', gzip: true });
    const head = await readHead(join(ZEEK, 'ssh.log.gz'));
    expect(head.head.toString('utf8', 0, 10)).toBe('#separator');
  });

  it('does not take a STIX bundle for Zeek JSON', async () => {
    const bundle = { type: 'bundle', id: 'bundle--5e2a1b0c-0000-4000-8000-000000000001', objects: [{ type: 'indicator', spec_version: '2.1', id: 'indicator--1', pattern: "[ipv4-addr:value = '198.51.100.7']" }] };
    const d = await detectFormat(write('bundle.json', JSON.stringify(bundle))).catch(() => null);
    expect(d?.format).not.toBe('zeek');
  });

  it('recognises nfdump CSV, NetFlow datagrams, exporter pcaps and orgs directories', async () => {
    const nf = join(import.meta.dirname, 'netflow', 'fixtures');
    expect((await detectFormat(write('flows.csv', 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt\n'))).format).toBe('nfdump');
    expect((await detectFormat(join(nf, 'netflow5_test_juniper_mx80.dat'))).format).toBe('netflow');
    expect((await detectFormat(join(nf, 'ipfix_test_yaf_tpl45841.dat'))).format).toBe('netflow');
    const pcap = exporterPcap([readFileSync(join(nf, 'netflow5_test_juniper_mx80.dat'))]);
    expect((await detectFormat(write('export.pcap', pcap))).format).toBe('netflow');
    expect((await detectFormat(write('orgs.csv', 'id,name,sector,country,networks\nx,X,gov,JP,192.0.2.0/24\n'))).format).toBe('orgs');
    expect((await detectFormat(write('dir.json', JSON.stringify({ orgs: [] })))).format).toBe('orgs');
  });

  it('does not take a capture of ordinary traffic for NetFlow', async () => {
    const d = await detectFormat(join(import.meta.dirname, 'netflow', 'fixtures', 'single-conn.pcap')).catch(() => null);
    expect(d?.format).not.toBe('netflow');
    expect(d?.format).not.toBe('zeek');
  });

  it('names the file and the formats tried when nothing fits', async () => {
    const path = write('notes.txt', 'just some prose\nnothing structured here\n');
    await expect(detectFormat(path)).rejects.toBeInstanceOf(InputError);
    await expect(detectFormat(path)).rejects.toThrow(/notes\.txt: not a recognised format \(tried: .*zeek/);
  });

  it('openInput gunzips transparently, including concatenated members', async () => {
    const path = write('two.gz', Buffer.concat([gzipped('first\n'), gzipped('second\n')]));
    expect((await readAll(openInput(path).open())).toString()).toBe('first\nsecond\n');
    const plain = write('plain.txt', 'abc');
    expect(openInput(plain).sizeHint).toBe(3);
  });
});
