// The benchmark's load generator: quantiles, and that its open loop neither hides a server stall
// (coordinated omission) nor runs unbounded when the server stops answering.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedLoop, openLoop, quantile, summarize } from '../bench/api/load.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => { server?.closeAllConnections(); server ? server.close(() => r()) : r(); server = null; }));

async function serve(handler: (n: number, res: { end: (s: string) => void }) => void): Promise<string> {
  let n = 0;
  server = createServer((_req, res) => handler(n++, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('quantiles and summary', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2], [[1, 2, 3, 4], 0.99, 4], [[1, 2, 3, 4], 1, 4], [[7], 0.5, 7], [[], 0.5, NaN],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99], [Array.from({ length: 100 }, (_, i) => i + 1), 0.5, 50],
  ])('quantile(%j, %s) = %s', (xs, p, want) => expect(quantile(xs, p)).toBe(want));

  it('counts timeouts as errors with an infinite latency', () => {
    const ok = { status: 200, timeout: false, serverMs: 0.2, bytes: 10 };
    const lost = { status: 0, timeout: true, serverMs: null, bytes: 0 };
    const r = summarize([...Array(98).fill(5), Infinity, Infinity], [...Array(98).fill(ok), lost, lost], 2);
    expect(r).toMatchObject({ sent: 100, ok: 98, errors: 2, timeouts: 2, throughput: 49, p50: 5, p99: Infinity, serverP50: 0.2 });
  });
});

describe('load generator on loopback', () => {
  it('open loop: a 300 ms stall shows in the latencies of every request scheduled during it', async () => {
    const url = await serve((n, res) => (n === 40 ? setTimeout(() => res.end('late'), 300) : res.end('ok')));
    const open = await openLoop({ url, connections: 1, timeoutMs: 5000 }, 200, 1);
    expect(open).toMatchObject({ sent: 200, ok: 200, errors: 0 });
    expect(open.p99).toBeGreaterThanOrEqual(250);
    expect(open.p90).toBeGreaterThanOrEqual(50); // ~60 requests were due while the one socket was held
  });

  it('closed loop (for contrast) sees only the one slow request', async () => {
    const url = await serve((n, res) => (n === 10 ? setTimeout(() => res.end('late'), 300) : res.end('ok')));
    const closed = await closedLoop({ url, connections: 1, timeoutMs: 5000 }, 100);
    expect(closed.max).toBeGreaterThanOrEqual(290);
    expect(closed.p90).toBeLessThan(250);
  });

  it('is bounded: a server that never answers costs timeoutMs per request and nothing more', async () => {
    const url = await serve(() => {});
    const r = await openLoop({ url, connections: 2, timeoutMs: 200 }, 50, 0.2);
    expect(r).toMatchObject({ sent: 10, ok: 0, errors: 10, timeouts: 10, p50: Infinity });
  });
});
