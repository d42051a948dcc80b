import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../detect.ts';
import { WrongFormatError } from '../contract.ts';
import { collect, gzipped, memoryInput } from '../zeek/testing.ts';
import { orgsFormat } from './format.ts';

const CSV = [
  'id,name,sector,country,networks,contacts,sensors',
  'mod-jp,Ministry of Defence,government,jp,203.0.113.0/24;10.20.0.0/16;2001:db8:100::/48,soc@mod.example;cert@mod.example,sensor-a sensor-b',
  '"univ-1","Univ, Kyoto",education,JP,198.51.100.0/25 198.51.100.128/25,,sensor-c',
  ',No Id,x,JP,192.0.2.0/24,,',
  'bad-net,Bad Net,x,JP,10.0.0.0/33,,',
  'short,Short',
  'mod-jp,Duplicate,government,JP,192.0.2.0/24,,',
].join('\n');

describe('orgs directory', () => {
  it('reads CSV into orgs and IPv4 org_networks rows, rejecting bad lines with their numbers', async () => {
    const c = await collect(orgsFormat, memoryInput(CSV, 'orgs.csv'));
    expect(c.read).toBe(6);
    expect(c.rows.orgs).toEqual([
      { id: 'mod-jp', name: 'Ministry of Defence', sector: 'government', country: 'JP', contacts: ['soc@mod.example', 'cert@mod.example'],
        networks: ['203.0.113.0/24', '10.20.0.0/16', '2001:db8:100::/48'], sensors: ['sensor-a', 'sensor-b'] },
      { id: 'univ-1', name: 'Univ, Kyoto', sector: 'education', country: 'JP', contacts: [], networks: ['198.51.100.0/25', '198.51.100.128/25'], sensors: ['sensor-c'] },
    ]);
    expect(c.rows.org_networks).toEqual([
      { org: 'mod-jp', cidr: '203.0.113.0/24', lo: 3405803776, hi: 3405804031 },
      { org: 'mod-jp', cidr: '10.20.0.0/16', lo: 169082880, hi: 169148415 },
      { org: 'univ-1', cidr: '198.51.100.0/25', lo: 3325256704, hi: 3325256831 },
      { org: 'univ-1', cidr: '198.51.100.128/25', lo: 3325256832, hi: 3325256959 },
    ]);
    expect(c.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'missing org id'],
      [5, "org bad-net: invalid CIDR '10.0.0.0/33'"],
      [6, 'expected 7 fields, got 2'],
      [7, "duplicate org id 'mod-jp'"],
    ]);
  });

  it('reads JSON arrays and {orgs: [...]} with lists or strings, gzip included', async () => {
    const orgs = [{ id: 'a', name: 'A Corp', networks: ['192.0.2.7/32', '2001:db8::/32'], contacts: 'x@a.example', sensors: [] }, { name: 'no id' }];
    const path = join(mkdtempSync(join(tmpdir(), 'orgs-')), 'orgs.json.gz');
    writeFileSync(path, gzipped(JSON.stringify({ orgs })));
    const c = await collect(orgsFormat, openInput(path), { file: 'orgs.json.gz' });
    expect(c.rows.orgs[0]).toMatchObject({ id: 'a', networks: ['192.0.2.7/32', '2001:db8::/32'], contacts: ['x@a.example'], sector: null, country: null });
    expect(c.rows.org_networks).toEqual([{ org: 'a', cidr: '192.0.2.7/32', lo: 3221225991, hi: 3221225991 }]);
    expect(c.rejects).toEqual([{ file: 'orgs.json.gz', line: 2, reason: 'missing org id', raw: '{"name":"no id"}' }]);
    const arr = await collect(orgsFormat, memoryInput(JSON.stringify(orgs.slice(0, 1))));
    expect(arr.rows.orgs).toHaveLength(1);
  });

  it('refuses other files and sniffs only orgs directories', async () => {
    await expect(collect(orgsFormat, memoryInput('{"type":"bundle","objects":[]}'))).rejects.toBeInstanceOf(WrongFormatError);
    await expect(collect(orgsFormat, memoryInput('ts,te,td,sa,da\n'))).rejects.toThrow(/no id and networks columns/);
    await expect(collect(orgsFormat, memoryInput(Buffer.from([0, 1, 2, 3, 0xff])))).rejects.toBeInstanceOf(WrongFormatError);
    expect(orgsFormat.sniff(Buffer.from(CSV), 'orgs.csv')).toBeGreaterThan(0.5);
    expect(orgsFormat.sniff(Buffer.from('{"type":"bundle","id":"bundle--1"}'), 'x.json')).toBe(0);
  });
});
