import { describe, expect, it } from 'vitest';
import { DataLineCounter } from './line-counter.ts';

const count = (chunks: string[]) => {
  const c = new DataLineCounter();
  for (const s of chunks) c.push(Buffer.from(s));
  return c.finish();
};

describe('DataLineCounter', () => {
  it.each([
    [['a\nb\n'], 2],
    [['#h\na\n#close\n'], 1],
    [['a\nb'], 2],
    [['a\r\n\r\n\nb\n'], 2],
    [['#fie', 'lds\n1\t2\n', '#', 'x\n3'], 2],
    [['1\n#', '\n2', '\n'], 2],
    [[''], 0],
  ])('%j has %i data lines', (chunks, n) => {
    expect(count(chunks)).toBe(n);
  });
});
