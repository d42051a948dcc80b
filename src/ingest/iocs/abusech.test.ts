// abuse.ch feeds as published (fixtures/SOURCE.md): the header is the last comment line before the data.
import { readFileSync } from 'node:fs';
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
