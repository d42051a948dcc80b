import { describe, expect, it } from 'vitest';
import { WrongFormatError } from '../contract.ts';
import { iocsFormat } from './format.ts';
import { parseText } from './testing.ts';

describe('plain IOC lists', () => {
  it('reads indicators, skips comments, rejects non-indicators with line numbers', async () => {
    const text = '# feed\n198.51.100[.]7\n\nevil[.]example # c2\nnot an indicator at all\nhxxp://x[.]example/p\n';
    const r = await parseText(iocsFormat, text, { source: 'feedA', tlp: 'green' });
    expect(r.read).toBe(4);
    expect(r.rows.indicators.map((x) => [x.type, x.value])).toEqual([
      ['ipv4', '198.51.100.7'], ['domain', 'evil.example'], ['url', 'http://x.example/p']]);
    expect(r.rows.indicators.every((x) => x.source === 'feedA' && x.tlp === 'green')).toBe(true);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ line: 5 });
    expect(r.rejects[0].reason).toMatch(/not an indicator/);
  });

  it('refuses a file with no indicator at all (nothing stored)', async () => {
    await expect(parseText(iocsFormat, 'hello\nworld\n')).rejects.toBeInstanceOf(WrongFormatError);
    await expect(parseText(iocsFormat, Buffer.from([0x31, 0, 0x32, 10]))).rejects.toThrow(/binary/);
  });
});

describe('IOC CSVs', () => {
  it('maps header columns: type, source, tlp, validity, group, labels', async () => {
    const csv = 'indicator,type,source,tlp,valid_from,valid_until,group,label\n'
      + '203.0.113.5,ip,vendorX,TLP:AMBER,2024-01-01,2024-06-30,Tick,c2\n'
      + 'evil[.]example,domain,,,,,,\n'
      + '"bad.example",ip,,,,,,\n'
      + '198.51.100.1,ip,,TLP:PURPLE,,,,\n'
      + '198.51.100.2,ip,,,2024-05-01,2024-01-01,,\n';
    const r = await parseText(iocsFormat, csv, { source: 'default', tlp: 'clear' });
    expect(r.read).toBe(5);
    const [a, b] = r.rows.indicators;
    expect(a).toMatchObject({ type: 'ipv4', value: '203.0.113.5', source: 'vendorX', tlp: 'amber', labels: ['c2'] });
    expect(a.valid_from).toBe(Date.UTC(2024, 0, 1) / 1000);
    expect(a.valid_until).toBe(Date.UTC(2024, 5, 30) / 1000);
    expect(a.intrusion_set).toMatch(/^intrusion-set--/);
    expect(b).toMatchObject({ type: 'domain', value: 'evil.example', source: 'default', tlp: 'clear', intrusion_set: null });
    expect(r.rows.intel_objects).toEqual([expect.objectContaining({ type: 'intrusion-set', name: 'Tick', id: a.intrusion_set })]);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [4, expect.stringMatching(/declared ip/)], [5, expect.stringMatching(/unknown TLP/)], [6, expect.stringMatching(/before valid_from/)]]);
  });

  it('reads an abuse.ch-style CSV whose header is the last comment line', async () => {
    const csv = '# URLhaus\n# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter\n'
      + '"1","2024-02-01 10:00:00","http://a.example/x.exe","online","2024-02-02 00:00:00","malware_download","exe","https://u/1","rep"\n';
    const r = await parseText(iocsFormat, csv);
    expect(r.rows.indicators[0]).toMatchObject({ type: 'url', value: 'http://a.example/x.exe', source: 'rep', labels: ['exe'] });
    expect(r.rows.indicators[0].first_seen).toBe(Date.UTC(2024, 1, 1, 10) / 1000);
  });

  it('sniffs IOC lists but not JSON or Zeek', () => {
    expect(iocsFormat.sniff(Buffer.from('1.2.3.4\nevil.com\n'), 'x.txt')).toBeGreaterThan(0.5);
    expect(iocsFormat.sniff(Buffer.from('value,type\n1.2.3.4,ip\n'), 'x.csv')).toBeGreaterThan(0.5);
    expect(iocsFormat.sniff(Buffer.from('{"type":"bundle"}\n'), 'x.json')).toBe(0);
    // provider exports with an 'ip' column must lose to their own formats
    expect(iocsFormat.sniff(Buffer.from('server_id,ip,start,end,account_id\nS1,203.0.113.5,2016-01-01,,A\n'), 'leases.csv')).toBeLessThan(0.5);
    expect(iocsFormat.sniff(Buffer.from('#separator \\x09\n#fields\tts\tuid\n1.0\tCx\t1.2.3.4\n'), 'conn.log')).toBe(0);
  });
});
