import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, parseTimestamp } from './cursor.ts';

describe('TAXII cursors', () => {
  it('round-trips', () => expect(decodeCursor(encodeCursor(1790000000.5, 'ind-1'))).toEqual({ after: 1790000000.5, afterId: 'ind-1' }));
  it.each(['', 'garbage', Buffer.from('[1,""]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])('rejects %j', (s) =>
    expect(() => decodeCursor(s)).toThrow(/not a cursor/));
});

describe('added_after', () => {
  it.each([
    ['2026-10-01T00:00:00Z', Date.UTC(2026, 9, 1) / 1000], ['2026-10-01T02:00:00.500+02:00', Date.UTC(2026, 9, 1) / 1000 + 0.5],
  ])('%s', (s, want) => expect(parseTimestamp(s)).toBe(want));
  it.each(['2026-10-01', 'yesterday', '2026-13-45T00:00:00Z'])('rejects %s', (s) => expect(() => parseTimestamp(s)).toThrow(/added_after/));
});
