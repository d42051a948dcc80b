// pcapng blocks: SHB (byte order per section), IDB (link type, if_tsresol, if_tsoffset), EPB, SPB and the
// obsolete PB. Other block types (name resolution, statistics, custom…) are skipped whole.
import type { CapturedPacket } from './reader.ts';

export const SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const IDB = 1, PB = 2, SPB = 3, EPB = 6;
const MAX_BLOCK = 16 * 1024 * 1024;

interface Iface { linkType: number; snaplen: number; unitsPerSec: number; tsOffset: number }
export interface NgState { little: boolean; ifaces: Iface[] }
type Fail = (offset: number, reason: string) => never;

export function newNgState(): NgState {
  return { little: true, ifaces: [] };
}

/** Parses whole blocks from buf[at..end); returns the first unconsumed offset (a partial block waits). */
export function ngBlocks(buf: Buffer, at: number, end: number, base: number, st: NgState, out: CapturedPacket[], fail: Fail): number {
  while (end - at >= 12) {
    const type = buf.readUInt32LE(at); // SHB's type is a palindrome; other types are read per section below
    if (type === SHB) {
      const bom = buf.readUInt32LE(at + 8);
      if (bom === BYTE_ORDER_MAGIC) st.little = true;
      else if (buf.readUInt32BE(at + 8) === BYTE_ORDER_MAGIC) st.little = false;
      else fail(base + at, 'section header block has no byte-order magic');
    }
    const u32 = (o: number) => (st.little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const blockType = u32(at);
    const len = u32(at + 4);
    if (len < 12 || len % 4 !== 0 || len > MAX_BLOCK) fail(base + at, `block length ${len} is invalid (corrupt block header)`);
    if (end - at < len) break;
    if (u32(at + len - 4) !== len) fail(base + at, `block trailer length ${u32(at + len - 4)} differs from header length ${len}`);
    if (blockType === SHB) st.ifaces = [];
    else if (blockType === IDB) st.ifaces.push(readIdb(buf, at, len, st.little));
    else if (blockType === EPB || blockType === PB || blockType === SPB) {
      const p = readPacketBlock(buf, at, len, blockType, st, base, fail);
      if (p) out.push(p);
    }
    at += len;
  }
  return at;
}

function readIdb(buf: Buffer, at: number, len: number, little: boolean): Iface {
  const u16 = (o: number) => (little ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const iface: Iface = { linkType: u16(at + 8), snaplen: u32(at + 12), unitsPerSec: 1e6, tsOffset: 0 };
  let o = at + 16;
  const stop = at + len - 4;
  while (o + 4 <= stop) {
    const code = u16(o), olen = u16(o + 2);
    if (code === 0) break;
    if (code === 9 && olen >= 1) {
      const r = buf[o + 4];
      iface.unitsPerSec = r & 0x80 ? 2 ** (r & 0x7f) : 10 ** r;
    } else if (code === 14 && olen >= 8) {
      iface.tsOffset = little ? Number(buf.readBigInt64LE(o + 4)) : Number(buf.readBigInt64BE(o + 4));
    }
    o += 4 + ((olen + 3) & ~3);
  }
  return iface;
}

function readPacketBlock(buf: Buffer, at: number, len: number, type: number, st: NgState, base: number, fail: Fail): CapturedPacket | null {
  const u32 = (o: number) => (st.little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  if (type === SPB) {
    const iface = st.ifaces[0] ?? fail(base + at, 'simple packet block before any interface description block');
    const orig = u32(at + 8);
    const cap = Math.min(orig, len - 16, iface.snaplen || orig);
    // SPB carries no timestamp; NaN marks "unknown" so tracking can tell.
    return { ts: NaN, linkType: iface.linkType, data: buf.subarray(at + 12, at + 12 + cap), offset: base + at };
  }
  if (len < 32) fail(base + at, `packet block length ${len} is too short`);
  const ifId = type === PB ? (st.little ? buf.readUInt16LE(at + 8) : buf.readUInt16BE(at + 8)) : u32(at + 8);
  const iface = st.ifaces[ifId] ?? fail(base + at, `packet block names interface ${ifId}, which has no description block`);
  const units = u32(at + 12) * 4294967296 + u32(at + 16);
  const cap = u32(at + 20);
  if (28 + cap + 4 > len) fail(base + at, `captured length ${cap} overruns its block of ${len} bytes`);
  return { ts: units / iface.unitsPerSec + iface.tsOffset, linkType: iface.linkType, data: buf.subarray(at + 28, at + 28 + cap), offset: base + at };
}
