// ClickHouse-specific behaviour beyond the shared conformance suite: the findings view hides uncommitted
// runs, the IPv6 dictionary stays free of duplicates at scale, 64-bit values keep their precision, and
// failures name the SQL file they came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFinding } from '../src/analyzers/finding.ts';
import { parseIp } from '../src/core/ip.ts';
import { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { clickhouseCluster, testDatabase } from '../src/store/clickhouse/testing.ts';

const ch = clickhouseCluster();

describe.skipIf(!!ch.skipReason)('ClickHouse store specifics', () => {
  let store: ClickHouseStore;
  beforeAll(async () => { store = await ClickHouseStore.open({ urls: ch.urls, database: testDatabase(), dropOnClose: true }); }, 60_000);
  afterAll(async () => { await store?.close(); });

  it('shows only committed finding runs: rows of a run without its commit row stay invisible', async () => {
    const f = makeFinding({ analyzer: 'a1', kind: 'k', subject: 'old', score: 0.5, first_seen: null, last_seen: null, details: {} });
    await store.replaceFindings('a1', [f], 'r1');
    // A run that wrote its rows but died before committing.
    await store.exec("INSERT INTO findings_rows_w (_batch, _run, id, analyzer, kind, subject, score, confidence, tlp, run_id) "
      + "VALUES ('b', 'never-committed', 'x', 'a1', 'k', 'half-written', 1, 1, 'amber', 'r2')");
    expect((await store.findings({ analyzer: 'a1' })).map((x) => x.subject)).toEqual(['old']);
    expect(await store.count('findings')).toBe(1);
  });

  it('keeps the IPv6 dictionary free of duplicates across appends, and answers long key lists', async () => {
    const addrs = Array.from({ length: 25_000 }, (_, i) => `2001:db8:1:${(i & 0xffff).toString(16)}::1`);
    const rows = addrs.map((a, i) => ({ evidence_id: 'v6', ts: i, src: a, dst: '2001:db8:ffff::1', src_int: 1, dst_int: 0 }));
    await store.append('flows', rows);
    await store.append('flows', rows.slice(0, 1000));
    expect(await store.count('ip6')).toBe(addrs.length + 1);
    const keys = await store.query<{ src: number }>("SELECT src FROM flows WHERE evidence_id = 'v6'");
    const texts = await store.ip6Texts(keys.map((k) => k.src));
    expect(texts.size).toBe(addrs.length);
    expect(new Set(texts.values())).toEqual(new Set(addrs.map((a) => parseIp(a)!.text)));
  }, 60_000);

  it('coalesces small appends but always reads its own writes; a rollback drops buffered rows unsent', async () => {
    const row = (ev: string, i: number) => ({ evidence_id: ev, ts: i, src: '10.0.0.1', dst: '192.0.2.1', src_int: 1, dst_int: 0 });
    for (let i = 0; i < 5; i++) await store.append('flows', [row('buf-a', i), row('buf-b', i)]);
    const other = await ClickHouseStore.open({ urls: ch.urls, database: store.database });
    try {
      expect(await other.count('flows', { column: 'evidence_id', value: 'buf-a' })).toBe(0); // not sent yet
      expect(await store.count('flows', { column: 'evidence_id', value: 'buf-a' })).toBe(5); // reading flushes
      expect(await other.count('flows', { column: 'evidence_id', value: 'buf-a' })).toBe(5);
      await store.append('flows', [row('buf-c', 1)]);
      await store.deleteEvidenceRows('buf-c');
      expect(await other.count('flows', { column: 'evidence_id', value: 'buf-c' })).toBe(0);
      expect(await store.count('flows', { column: 'evidence_id', value: 'buf-b' })).toBe(5);
    } finally {
      await other.close();
    }
  });

  it('returns 64-bit integers as numbers when exact and as text when not', async () => {
    const [r] = await store.query<{ small: number; big: string; neg: number }>(
      'SELECT toInt64(-4503599627370496) AS neg, toUInt64(42) AS small, toUInt64(18446744073709551615) AS big');
    expect(r).toEqual({ neg: -4503599627370496, small: 42, big: '18446744073709551615' });
  });

  it('names the ClickHouse SQL file (or its absence) when a statement fails', async () => {
    await expect(store.query({ duckdb: 'SELECT 1', clickhouse: 'SELEC 1', name: 'broken' })).rejects.toThrow(/broken\.clickhouse\.sql/);
    await expect(store.query({ duckdb: 'SELECT unnest([1])', name: 'duck-only' })).rejects.toThrow(/no duck-only\.clickhouse\.sql/);
  });
});
if (ch.skipReason) {
  it(`ClickHouse store specifics SKIPPED — ${ch.skipReason}`, () => console.warn(`\n!!! ClickHouse store tests skipped: ${ch.skipReason}\n`));
}
