// abuse.ch feeds as published (fixtures/SOURCE.md): the header is the last comment line before the data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../detect.ts';
import { collect } from '../zeek/testing.ts';
import { iocsFormat } from './format.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const run = (file: string) => collect(iocsFormat, openInput(join(FIX, file)), { file });

describe('abuse.ch CSV feeds', () => {
  it('Feodo Tracker 2019: DstIP is the value, Firstseen the first sighting, Malware the label; sniffed without a final newline', async () => {
    const file = 'feodo-ipblocklist-2019.csv';
    expect(iocsFormat.sniff(readFileSync(join(FIX, file)), file)).toBeGreaterThanOrEqual(0.5);
    const c = await run(file);
    expect([c.read, c.rows.indicators.length, c.rejects.length]).toEqual([1, 1, 0]);
    expect(c.rows.indicators[0]).toMatchObject({ type: 'ipv4', value: '110.93.230.101', labels: ['Heodo'], first_seen: Date.UTC(2019, 2, 4, 22, 10, 24) / 1000 });
  });

  it('URLhaus TLD feed: the URL column, "Dateadded (UTC)" as first sighting, the entry-count trailer ignored', async () => {
    const file = 'urlhaus-tld-ch.csv';
    expect(iocsFormat.sniff(readFileSync(join(FIX, file)), file)).toBeGreaterThanOrEqual(0.5);
    const c = await run(file);
    expect([c.read, c.rows.indicators.length, c.rejects.length]).toEqual([2, 2, 0]);
    expect(c.rows.indicators.map((r) => [r.type, r.value, r.first_seen, r.labels])).toEqual([
      ['url', 'http://marconuenlist.ch/verif.accounts.docs.net/', Date.UTC(2019, 1, 13, 0, 34, 42) / 1000, ['malware_download']],
      ['url', 'http://cbd-planet.ch/sec.myacc.send.com/', Date.UTC(2019, 1, 12, 14, 27, 3) / 1000, ['malware_download']],
    ]);
  });
});

describe('ThreatFox CSV export layout', () => {
  // Layout as ThreatFox publishes it: '#' banner, the header in the last comment line, quoted cells after ", ".
  const text = [
    '################################################################',
    '# ThreatFox IOCs: recent additions - CSV format                #',
    '################################################################',
    '#',
    '# "first_seen_utc","ioc_id","ioc_value","ioc_type","threat_type","fk_malware","malware_alias","malware_printable","last_seen_utc","confidence_level","is_compromised","reference","tags","anonymous","reporter"',
    '"2026-09-24 09:11:10", "1932209", "198.51.100.42:14643", "ip:port", "botnet_cc", "win.remcos", "None", "Remcos", "", "100", "False", "None", "c2", "0", "tester"',
    '"2026-09-24 09:11:11", "1932208", "c2.example-bad.com", "domain", "botnet_cc", "win.remcos", "None", "Remcos", "", "75", "False", "None", "c2", "0", "tester"',
    '"2026-09-24 09:12:00", "1932207", "[2001:db8::7]:80", "ip:port", "payload_delivery", "unknown", "None", "Unknown malware", "", "50", "False", "None", "None", "0", "tester"',
    '"2026-09-24 09:13:00", "1932206", "7d9c7fabd525a058351c31fda2a8c34102afd2dc446500ecca9bd59d36bd8fa2", "sha256_hash", "payload", "win.vidar", "None", "Vidar", "", "95", "False", "None", "None", "0", "tester"',
    '# Number of entries: 4',
  ].join('\n');

  it('reads ip:port and *_hash types, takes ioc_value and first_seen_utc, drops the port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threatfox-'));
    const file = join(dir, 'recent.csv');
    writeFileSync(file, text);
    expect(iocsFormat.sniff(readFileSync(file), file)).toBeGreaterThanOrEqual(0.5);
    const c = await collect(iocsFormat, openInput(file), { file });
    expect(c.rejects).toEqual([]);
    expect(c.rows.indicators.map((r) => [r.type, r.value])).toEqual([
      ['ipv4', '198.51.100.42'], ['domain', 'c2.example-bad.com'], ['ipv6', '2001:db8::7'],
      ['sha256', '7d9c7fabd525a058351c31fda2a8c34102afd2dc446500ecca9bd59d36bd8fa2'],
    ]);
    expect(c.rows.indicators[0].first_seen).toBe(Date.UTC(2026, 8, 24, 9, 11, 10) / 1000);
  });
});
