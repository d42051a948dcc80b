// An insert cut off mid-stream must leave no duplicate rows once retried. A TCP proxy in front of the entry
// shard drops the connection of the first INSERT after some hundreds of kilobytes; the server has by then
// committed some blocks (small max_insert_block_size), so a naive retry would duplicate them.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import type { InsertAttempt } from '../src/store/clickhouse/batch-writer.ts';
import { clickhouseCluster, testDatabase } from '../src/store/clickhouse/testing.ts';

const ch = clickhouseCluster();
const ROWS = 60_000;

/** Forwards to target; the first connection whose request is an INSERT is cut after `cutAfter` bytes. */
function cuttingProxy(target: URL, cutAfter: number): Promise<{ server: Server; url: string; cuts: () => number }> {
  let cuts = 0;
  const server = createServer((client: Socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    let inserting = false;
    let sent = 0;
    client.on('data', (buf: Buffer) => {
      if (!inserting && cuts === 0 && /query=INSERT/i.test(buf.subarray(0, 2048).toString('latin1'))) inserting = true;
      if (inserting) {
        sent += buf.length;
        if (sent > cutAfter) {
          cuts++;
          inserting = false;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      upstream.write(buf);
    });
    upstream.on('data', (buf) => client.write(buf));
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end); upstream.on('error', end); client.on('close', end); upstream.on('close', end);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const port = (server.address() as { port: number }).port;
    resolve({ server, url: `http://127.0.0.1:${port}`, cuts: () => cuts });
  }));
}

function flows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    evidence_id: 'ev-cut', org: 'o1', ts: 1_700_000_000 + i, src: 167772161, dst: 3_400_000_000 + (i % 4099), sport: 1024 + (i % 60000),
    dport: 443, proto: 'tcp', uid: `C${i}`, src_int: 1, dst_int: 0,
  }));
}

describe.skipIf(!!ch.skipReason)('ClickHouse interrupted insert', () => {
  let proxy: Awaited<ReturnType<typeof cuttingProxy>>;
  let store: ClickHouseStore;
  const attempts: Array<InsertAttempt & { partialRows: number }> = [];

  beforeAll(async () => {
    proxy = await cuttingProxy(new URL(ch.urls[0]), 400_000);
    store = await ClickHouseStore.open({
      urls: [proxy.url, ...ch.urls.slice(1)], database: testDatabase('hoptrace_cut'), dropOnClose: true,
      maxInsertBlockSize: 2000, bufferRows: 0,
      onFailedAttempt: async (a) => {
        // What the cut left behind: proves a naive retry would duplicate rows. A cut connection's blocks can
        // land late, so this looks for up to 3 s (the engine must cope with late blocks too: see below).
        let partialRows = 0;
        for (let i = 0; i < 30 && partialRows === 0; i++) {
          const r = await store.query<{ n: number }>('SELECT count() AS n FROM flows_w WHERE _batch = $b', { b: a.batch });
          partialRows = r[0].n;
          if (partialRows === 0) await new Promise((res) => setTimeout(res, 100));
        }
        attempts.push({ ...a, partialRows });
      },
    });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    proxy?.server.close();
  });

  it('retries a cut insert and ends with every row exactly once', async () => {
    await store.append('flows', flows(ROWS));
    expect(proxy.cuts()).toBe(1);
    expect(attempts).toHaveLength(1);
    expect(attempts[0].partialRows).toBeGreaterThan(0);
    expect(attempts[0].partialRows).toBeLessThan(ROWS);
    const r = await store.query<{ n: number; uids: number; ts: number }>('SELECT count() AS n, uniqExact(uid) AS uids, sum(ts) AS ts FROM flows');
    expect(r[0]).toEqual({ n: ROWS, uids: ROWS, ts: ROWS * 1_700_000_000 + (ROWS * (ROWS - 1)) / 2 }); // no truncated row either
    expect(await store.count('flows', { column: 'evidence_id', value: 'ev-cut' })).toBe(ROWS);
    await new Promise((res) => setTimeout(res, 1000)); // nothing of the cut attempt may surface later
    expect(await store.count('flows')).toBe(ROWS);
  }, 60_000);
});
if (ch.skipReason) {
  it(`ClickHouse interrupted insert SKIPPED — ${ch.skipReason}`, () => console.warn(`\n!!! ClickHouse interrupted-insert test skipped: ${ch.skipReason}\n`));
}
