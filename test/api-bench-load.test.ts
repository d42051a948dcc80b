import { describe, expect, it } from 'vitest';
import { summarize } from '../bench/api/load.ts';

describe('summarize', () => {
  it('takes quantiles of sorted latencies', () => {
    const r = summarize(Array.from({ length: 100 }, (_, i) => 100 - i), 2, 4);
    expect(r).toMatchObject({ requests: 100, errors: 2, throughput: 25, p50: 51, p90: 91, p99: 100, max: 100 });
    expect(summarize([1], 0, 1, [3, 1, 2]).serverP50).toBe(2);
  });
  it('copes with nothing', () => expect(summarize([], 0, 1).p50).toBeNaN());
});
