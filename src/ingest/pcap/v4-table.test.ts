import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random.ts';
import { v4Key, V4Table, type V4Key } from './v4-table.ts';

describe('V4Table', () => {
  it('both directions of a connection share one key', () => {
    const a = v4Key(0xc0a80001, 40000, 0x0a000001, 22, { x: 0, y: 0, z: 0 });
    const b = v4Key(0x0a000001, 22, 0xc0a80001, 40000, { x: 0, y: 0, z: 0 });
    expect(a).toEqual(b);
  });
  it('agrees with a Map through random inserts, lookups and deletes (growth and backward shifts included)', () => {
    const rand = mulberry32(7);
    const t = new V4Table<number>(), ref = new Map<string, number>();
    const k: V4Key = { x: 0, y: 0, z: 0 };
    const pick = () => [Math.floor(rand() * 40) * 0x01000001 + 0xc0000000, Math.floor(rand() * 5) + 1000, 0x0a000001, Math.floor(rand() * 3) + 22];
    for (let step = 0; step < 20000; step++) {
      const [s4, sp, d4, dp] = pick();
      const rev = rand() < 0.5;
      v4Key(rev ? d4 : s4, rev ? dp : sp, rev ? s4 : d4, rev ? sp : dp, k);
      const name = `${s4}:${sp}>${d4}:${dp}`;
      const op = rand();
      if (op < 0.45) { t.set(k, step); ref.set(name, step); }
      else if (op < 0.7) { t.delete(k); ref.delete(name); }
      expect(t.get(k)).toBe(ref.get(name));
      expect(t.size).toBe(ref.size);
    }
    expect(t.values().sort((p, q) => p - q)).toEqual([...ref.values()].sort((p, q) => p - q));
  });
});
