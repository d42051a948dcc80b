import { describe, expect, it } from 'vitest';
import { indexContacts, top } from './contacts.ts';

const rows = [
  { org: 'a', host: 1, ext: 100, n: 5, bytes_out: 0 }, { org: 'a', host: 2, ext: 100, n: 1, bytes_out: 0 },
  { org: 'a', host: 2, ext: 200, n: 7, bytes_out: 0 }, { org: 'b', host: 1, ext: 100, n: 2, bytes_out: 0 },
];

describe('contact index', () => {
  const idx = indexContacts(rows);
  it('indexes by org, endpoint and host', () => {
    expect(idx.byOrg.get('a')).toHaveLength(3);
    expect(idx.byExt.get(100)!.map((c) => c.org)).toEqual(['a', 'a', 'b']);
    expect(idx.byHost.get('a|2')).toHaveLength(2);
  });
  it('ranks by summed counts', () => {
    expect(top(idx.byOrg.get('a')!, (c) => c.ext, 10)).toEqual([{ key: 200, n: 7 }, { key: 100, n: 6 }]);
    expect(top(idx.byExt.get(100)!, (c) => c.org, 1)).toEqual([{ key: 'a', n: 6 }]);
  });
});
