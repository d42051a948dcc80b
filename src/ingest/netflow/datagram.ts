// Frames and decodes export packets: one UDP payload, or a run of concatenated packets in a file.
// A packet that cannot be decoded becomes one reject at its byte offset; its partial flows are dropped.
import type { Reject } from '../../core/types.ts';
import { decodeTemplated, IPFIX_HEADER, v9Length, V9_HEADER, type DecodeContext, type Decoded } from './sets.ts';
import { decodeV5, v5Length, V5_HEADER } from './v5.ts';

/** Plausible export packet header at `at` (version 5, 9 or 10 with sane counts/lengths). */
export function looksLikeExport(buf: Buffer, at = 0): boolean {
  if (buf.length - at < 16) return false;
  const version = buf.readUInt16BE(at);
  const second = buf.readUInt16BE(at + 2);
  if (version === 5) return second >= 1 && second <= 30 && buf.length - at >= V5_HEADER;
  if (version === 9) return buf.length - at >= V9_HEADER + 4 && second >= 1 && isSetId(buf.readUInt16BE(at + V9_HEADER));
  if (version === 10) return second >= IPFIX_HEADER + 4 && isSetId(buf.readUInt16BE(at + IPFIX_HEADER));
  return false;
}

function isSetId(id: number): boolean {
  return id <= 3 || id >= 256;
}

/** Length of the packet at `at`, or an error message when it cannot be framed. */
function packetLength(buf: Buffer, at: number, end: number): number | string {
  if (end - at < 4) return `${end - at} trailing bytes: too short for an export header`;
  const version = buf.readUInt16BE(at);
  if (version === 5) return end - at < V5_HEADER ? 'truncated v5 header' : v5Length(buf, at);
  if (version === 9) return end - at < V9_HEADER ? 'truncated v9 header' : v9Length(buf, at, end);
  if (version === 10) {
    const len = buf.readUInt16BE(at + 2);
    return len < IPFIX_HEADER ? `IPFIX message length ${len} below its header size` : len;
  }
  return `unknown export version ${version} (expected 5, 9 or 10)`;
}

/** Decodes every packet in buf[0, end) (base = file offset of buf[0]); stops framing at the first unframeable bytes. */
export function decodePackets(buf: Buffer, base: number, ctx: DecodeContext, out: Decoded): void {
  let at = 0;
  while (at < buf.length) {
    const len = packetLength(buf, at, buf.length);
    if (typeof len === 'string') {
      out.rejects.push(reject(ctx, base + at, `${len}; ${buf.length - at} bytes not decoded`));
      return;
    }
    const end = Math.min(at + len, buf.length);
    if (at + len > buf.length) {
      out.rejects.push(reject(ctx, base + at, `truncated packet: header says ${len} bytes, ${buf.length - at} left`));
      return;
    }
    decodeOne(buf, at, end, base, ctx, out);
    at = end;
  }
}

function decodeOne(buf: Buffer, at: number, end: number, base: number, ctx: DecodeContext, out: Decoded): void {
  const local: Decoded = { flows: [], rejects: [] };
  try {
    if (buf.readUInt16BE(at) === 5) decodeV5(buf, at, end, local);
    else decodeTemplated(buf.subarray(0, end), at, end, ctx, local);
  } catch (e) {
    out.rejects.push(reject(ctx, base + at, `corrupt v${buf.readUInt16BE(at)} packet: ${(e as Error).message}`));
    return;
  }
  for (const r of local.rejects) out.rejects.push({ ...r, offset: base + (r.offset ?? 0), reason: r.reason.replace(/^offset \d+/, `offset ${base + (r.offset ?? 0)}`) });
  for (const f of local.flows) out.flows.push({ ...f, offset: base + f.offset });
}

function reject(ctx: DecodeContext, offset: number, reason: string): Reject {
  return { file: ctx.file, offset, reason };
}
