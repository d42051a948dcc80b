import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataDate } from './asn-data.ts';
import { createEnricher, type Enricher } from './index.ts';
import { readProvidersCsv } from './providers.ts';

const providersCsv = new URL('./fixtures/providers.csv', import.meta.url).pathname;

describe('provider directory', () => {
  const e = createEnricher({ providersCsv, asnData: false });
  it.each([
    ['203.0.113.5', 64500, 'Hanami Cloud K.K.', 'Asia/Tokyo'],
    ['203.0.113.200', 64501, 'Kumo Hosting Inc.', 'Asia/Tokyo'],
    ['2001:db8:100::7', 64501, 'Kumo Hosting Inc.', 'Asia/Tokyo'],
  ])('%s → AS%i %s', (ip, asn, provider, tz) => {
    expect(e.lookup(ip)).toMatchObject({ asn, provider, tz, country: 'JP', source: 'directory' });
  });
  it('returns null for non-addresses and an empty result for unknown space', () => {
    expect(e.lookup('not-an-ip')).toBeNull();
    expect(e.lookup('192.0.2.1')).toMatchObject({ asn: null, provider: null, source: 'none' });
  });
  it('refuses a malformed directory with the line number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prov-'));
    const bad = join(dir, 'p.csv');
    writeFileSync(bad, 'asn,name,cidrs\n64500,A,10.0.0.0/8\nx,B,\n');
    expect(() => readProvidersCsv(bad)).toThrow(/p\.csv:3: not a provider row/);
  });
});

describe('public IP-to-ASN data (@ip-location-db)', () => {
  let e: Enricher;
  beforeAll(() => { e = createEnricher({ providersCsv, cacheDir: mkdtempSync(join(tmpdir(), 'asn-cache-')) }); });
  it.each([
    ['8.8.8.8', 15169, 'US'],
    ['1.1.1.1', 13335, null],
    ['2001:4860:4860::8888', 15169, 'US'],
  ])('%s → AS%i', (ip, asn, country) => {
    const r = e.lookup(ip)!;
    expect(r.asn).toBe(asn);
    expect(r.as_name).toBeTruthy();
    if (country) expect(r.country).toBe(country);
  });
  it('lets the directory name the provider of an ASN found in the public data', () => {
    expect(e.lookup('133.242.0.1')).toMatchObject({ asn: 7684, provider: 'Sakura Internet (directory entry)', tz: 'Asia/Tokyo' });
  });
  it('says nothing about private or documentation space', () => {
    expect(e.lookup('10.1.2.3')).toMatchObject({ asn: null, country: null });
    expect(e.lookup('198.51.100.3')).toMatchObject({ asn: null, country: null });
  });
  it('states the data date', () => {
    expect(e.dataAsOf).toMatch(/as of @ip-location-db\/asn \S+ \(data of \d{4}-\d{2}-\d{2}\)/);
    expect(dataDate('2.3.2026061719')).toBe('2026-06-17');
  });
});
