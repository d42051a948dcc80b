import { describe, expect, it } from 'vitest';
import { ResponseCache } from './context.ts';

describe('ResponseCache', () => {
  it('computes once for concurrent callers and forgets failures', async () => {
    const cache = new ResponseCache(60_000);
    let calls = 0;
    const make = async () => { calls++; await new Promise((r) => setTimeout(r, 5)); return calls; };
    expect(await Promise.all([cache.get('k', make), cache.get('k', make)])).toEqual([1, 1]);
    await expect(cache.get('bad', async () => { throw new Error('x'); })).rejects.toThrow('x');
    expect(await cache.get('bad', async () => 2)).toBe(2);
    cache.clear();
    expect(await cache.get('k', make)).toBe(2);
  });
  it('does not cache with a zero TTL', async () => {
    const cache = new ResponseCache(0);
    let n = 0;
    await cache.get('k', async () => ++n);
    expect(await cache.get('k', async () => ++n)).toBe(2);
  });
  it('serves an expired entry while one background refresh replaces it', async () => {
    const cache = new ResponseCache(1);
    let n = 0;
    let release = () => {};
    const make = () => { n++; return n === 1 ? Promise.resolve(n) : new Promise<number>((r) => { const mine = n; release = () => r(mine); }); };
    expect(await cache.get('k', make)).toBe(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get('k', make)).toBe(1); // expired: the old value, a refresh started
    expect(await cache.get('k', make)).toBe(1); // still the old value; no second refresh
    expect(n).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', make)).toBe(2);
  });
});
