// Opaque TAXII `next` cursors (a position in date-added order) and timestamp parsing for added_after.
import { ApiError } from '../errors.ts';

export function encodeCursor(added: number, id: string): string {
  return Buffer.from(JSON.stringify([added, id])).toString('base64url');
}

export function decodeCursor(next: string): { after: number; afterId: string } {
  try {
    const v = JSON.parse(Buffer.from(next, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string' && v[1] !== '') return { after: v[0], afterId: v[1] };
  } catch { /* fall through */ }
  throw new ApiError(400, `'next' is not a cursor this server issued: pass the 'next' value of the previous page unchanged`);
}

/** RFC 3339 timestamp → epoch seconds. */
export function parseTimestamp(s: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    throw new ApiError(400, `added_after '${s}' is not an RFC 3339 timestamp such as 2026-10-01T00:00:00Z`);
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new ApiError(400, `added_after '${s}' is not a valid date`);
  return ms / 1000;
}
