import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const o = process.stdout.write, e = process.stderr.write;
  process.stdout.write = ((s: string) => { out += s; return true; }) as never;
  process.stderr.write = ((s: string) => { err += s; return true; }) as never;
  try {
    process.exitCode = 0;
    const code = await main(['node', 'hoptrace', ...args]);
    return { code, out, err };
  } finally {
    process.stdout.write = o; process.stderr.write = e; process.exitCode = 0;
  }
}

describe('hoptrace enrich', () => {
  const providers = new URL('../../enrich/fixtures/providers.csv', import.meta.url).pathname;
  it('prints the JSON contract and the data date on stderr', async () => {
    const r = await capture(['enrich', '8.8.8.8', '203.0.113.5', '--json', '--providers', providers]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows.map((x: Record<string, unknown>) => Object.keys(x))).toEqual([
      ['ip', 'asn', 'as_name', 'country', 'provider'], ['ip', 'asn', 'as_name', 'country', 'provider']]);
    expect(rows[0]).toMatchObject({ ip: '8.8.8.8', asn: 15169, provider: null });
    expect(rows[1]).toMatchObject({ asn: 64500, provider: 'Hanami Cloud K.K.', country: 'JP' });
    expect(r.err).toMatch(/data as of @ip-location-db\/asn/);
  });
  it('exits 2 on something that is not an address', async () => {
    const r = await capture(['enrich', '8.8.8.8', 'example.com']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not IP addresses: example\.com/);
  });
});
