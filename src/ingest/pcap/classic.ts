// Classic libpcap files: 24-byte global header, then 16-byte record headers. Both byte orders, µs and ns.
import type { CapturedPacket } from './reader.ts';

export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;
/** Largest record we accept; libpcap's own limit for most link types is 262144. */
export const MAX_RECORD = 262144 * 4;

export interface ClassicHeader { little: boolean; nanos: boolean; linkType: number; snaplen: number }

/** Reads the global header, or null when the magic is not classic pcap. */
export function classicHeader(buf: Buffer, at: number): ClassicHeader | null {
  const le = buf.readUInt32LE(at);
  const be = buf.readUInt32BE(at);
  let little: boolean, magic: number;
  if (le === PCAP_MAGIC_US || le === PCAP_MAGIC_NS) { little = true; magic = le; }
  else if (be === PCAP_MAGIC_US || be === PCAP_MAGIC_NS) { little = false; magic = be; }
  else return null;
  const u32 = (o: number) => (little ? buf.readUInt32LE(at + o) : buf.readUInt32BE(at + o));
  return { little, nanos: magic === PCAP_MAGIC_NS, linkType: u32(20) & 0x0fffffff & 0xffff, snaplen: u32(16) };
}

/** Called per record: time, link type, and the frame as bytes [at, at + len) of `buf` (no copy, no object). */
export type PacketVisitor = (ts: number, linkType: number, buf: Buffer, at: number, len: number, fileOffset: number) => void;

/**
 * Visits whole records in buf[at..end). Returns the offset of the first unconsumed byte; a record that does
 * not fit yet stays for the next call. Throws (via fail) on an impossible record length.
 */
export function classicScan(
  buf: Buffer, at: number, end: number, fileBase: number, h: ClassicHeader, visit: PacketVisitor, fail: (offset: number, reason: string) => never,
): number {
  const frac = h.nanos ? 1e-9 : 1e-6;
  const fracMax = h.nanos ? 1e9 : 1e6;
  const u32 = h.little
    ? (o: number) => (buf[o] | (buf[o + 1] << 8) | (buf[o + 2] << 16)) + buf[o + 3] * 16777216
    : (o: number) => buf[o] * 16777216 + ((buf[o + 1] << 16) | (buf[o + 2] << 8) | buf[o + 3]);
  while (end - at >= 16) {
    const sec = u32(at), sub = u32(at + 4), incl = u32(at + 8);
    if (incl > MAX_RECORD) fail(fileBase + at, `record length ${incl} exceeds ${MAX_RECORD} (corrupt record header)`);
    if (sub >= fracMax) fail(fileBase + at, `timestamp fraction ${sub} out of range (corrupt record header)`);
    if (end - at < 16 + incl) break;
    visit(sec + sub * frac, h.linkType, buf, at + 16, incl, fileBase + at);
    at += 16 + incl;
  }
  return at;
}

/** classicScan collecting packet objects (their `data` are views into buf). */
export function classicRecords(
  buf: Buffer, at: number, end: number, fileBase: number, h: ClassicHeader,
  out: CapturedPacket[], fail: (offset: number, reason: string) => never,
): number {
  return classicScan(buf, at, end, fileBase, h, (ts, linkType, b, o, len, offset) => out.push({ ts, linkType, data: b.subarray(o, o + len), offset }), fail);
}
