// hoptrace_ip4 (the bulk path's address check) accepts exactly what core/ip parseIpv4 accepts, with the
// same integer key, and gives the same answers as its earlier split_part form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../core/ip.ts';
import { mulberry32 } from '../../core/random.ts';
import { DuckDbStore } from './duckdb-store.ts';

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
/** The macro as it stood before the one-split form: the reference for "behaviour unchanged". */
const BEFORE = `CREATE OR REPLACE TEMP MACRO ip4_before(s) AS (
  CASE WHEN regexp_full_match(s, '${OCTET}(\\.${OCTET}){3}')
  THEN split_part(s, '.', 1)::BIGINT * 16777216 + split_part(s, '.', 2)::BIGINT * 65536
     + split_part(s, '.', 3)::BIGINT * 256 + split_part(s, '.', 4)::BIGINT END)`;

let store: DuckDbStore;
beforeAll(async () => {
  store = await DuckDbStore.open({});
  await store.exec(BEFORE);
});
afterAll(() => store.close());

async function keys(texts: Array<string | null>): Promise<Array<{ s: string | null; now: number | null; before: number | null }>> {
  return store.query(
    'SELECT s, hoptrace_ip4(s) AS now, ip4_before(s) AS before FROM (SELECT unnest($t::VARCHAR[]) AS s, generate_subscripts($t::VARCHAR[], 1) AS i) ORDER BY i',
    { t: texts as string[] },
  );
}

describe('hoptrace_ip4', () => {
  it.each([
    ['0.0.0.0', 0], ['1.2.3.4', 16909060], ['10.0.0.1', 167772161], ['192.168.1.254', 3232236030],
    ['255.255.255.255', 4294967295], ['198.18.0.9', 3323068425], ['100.64.0.0', 1681915904],
  ])('%s → %i', async (text, key) => {
    expect((await keys([text]))[0]).toEqual({ s: text, now: key, before: key });
  });

  it.each([
    '1.2.3.256', '256.1.1.1', '01.2.3.4', '1.2.3.04', '1.02.3.4', '00.0.0.0', '1.2.3', '1.2.3.4.5', ' 1.2.3.4', '1.2.3.4 ',
    '1.2.3.4\n', '+1.2.3.4', '1.2.3.-4', '1e2.1.1.1', '0x1.2.3.4', '1..3.4', '.1.2.3', '1.2.3.', '', '::1', '::ffff:1.2.3.4',
    '１.２.３.４', '1,2,3,4', '1.2.3.4/32', '-',
  ])('rejects %j', async (text) => {
    expect((await keys([text]))[0]).toEqual({ s: text, now: null, before: null });
  });

  it('is NULL for NULL', async () => {
    expect((await keys([null]))[0]).toEqual({ s: null, now: null, before: null });
  });

  it('agrees with parseIpv4 and its earlier form on 20,000 random near-addresses', async () => {
    const rnd = mulberry32(20261126);
    const pick = (alphabet: string) => alphabet[Math.floor(rnd() * alphabet.length)];
    const texts: string[] = [];
    const often = (p: number, yes: string | number, no: string | number) => (rnd() < p ? yes : no);
    for (let i = 0; i < 20_000; i++) {
      const parts = Array.from({ length: Number(often(0.9, 4, pick('35'))) }, () =>
        Array.from({ length: Number(often(0.9, 1 + Math.floor(rnd() * 3), pick('04'))) }, () =>
          often(0.98, pick('0123456789012345'), pick(' +-x'))).join(''));
      texts.push(parts.join(String(often(0.98, '.', pick(',:')))));
    }
    const got = await keys(texts);
    const accepted = got.filter((r) => r.now !== null).length;
    expect(accepted).toBeGreaterThan(1000); // the sample exercises both outcomes
    expect(accepted).toBeLessThan(19_000);
    for (const r of got) expect({ s: r.s, now: r.now, before: r.before }).toEqual({ s: r.s, now: parseIpv4(r.s!), before: parseIpv4(r.s!) });
  });
});
