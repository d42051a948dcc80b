// Header-only decode for the hot path (connection tracking): numbers into a reused scratch object, no
// strings or payload views per packet. IPv4 addresses stay numbers; IPv6 falls back to decodePacket.
import { decodePacket, LINK, type DecodedPacket } from './decode.ts';

export interface Headers {
  /** 4: src4/dst4 hold the addresses; 6: `v6` holds the full decode. */
  version: 4 | 6;
  src4: number; dst4: number;
  proto: number; sport: number; dport: number; flags: number; payloadLength: number;
  v6: DecodedPacket | null;
}

export const newHeaders = (): Headers => ({ version: 4, src4: 0, dst4: 0, proto: 0, sport: 0, dport: 0, flags: 0, payloadLength: 0, v6: null });

/**
 * Fills `h` for a TCP/UDP packet in the frame at bytes [f, f + len) of `b`, read in place (no view per packet),
 * and returns true; anything else returns false (decodePacket counts why).
 */
export function decodeHeadersAt(linkType: number, b: Buffer, f: number, len: number, h: Headers): boolean {
  let at = -1;
  if (linkType === LINK.ETHERNET && len >= 34 && b[f + 12] === 0x08 && b[f + 13] === 0x00) at = 14;
  else if ((linkType === LINK.RAW || linkType === LINK.RAW_12 || linkType === LINK.RAW_14 || linkType === LINK.IPV4) && len >= 20 && b[f] >> 4 === 4) at = 0;
  else if (linkType === LINK.SLL && len >= 36 && b[f + 14] === 0x08 && b[f + 15] === 0x00) at = 16;
  const ip = f + at;
  if (at < 0 || b[ip] >> 4 !== 4) return slow(linkType, b.subarray(f, f + len), h);
  const ihl = (b[ip] & 0x0f) * 4;
  const total = (b[ip + 2] << 8) | b[ip + 3];
  const proto = b[ip + 9];
  if (ihl < 20 || (((b[ip + 6] << 8) | b[ip + 7]) & 0x3fff) !== 0 || (proto !== 6 && proto !== 17)) return slow(linkType, b.subarray(f, f + len), h);
  const l4 = ip + ihl;
  if (f + len < l4 + (proto === 6 ? 20 : 8)) return slow(linkType, b.subarray(f, f + len), h);
  h.version = 4; h.v6 = null; h.proto = proto;
  h.src4 = b[ip + 12] * 16777216 + ((b[ip + 13] << 16) | (b[ip + 14] << 8) | b[ip + 15]);
  h.dst4 = b[ip + 16] * 16777216 + ((b[ip + 17] << 16) | (b[ip + 18] << 8) | b[ip + 19]);
  h.sport = (b[l4] << 8) | b[l4 + 1]; h.dport = (b[l4 + 2] << 8) | b[l4 + 3];
  if (proto === 6) {
    h.flags = b[l4 + 13];
    h.payloadLength = Math.max(0, ip + total - l4 - (b[l4 + 12] >> 4) * 4);
  } else {
    h.flags = 0;
    h.payloadLength = Math.max(0, ip + total - l4 - 8);
  }
  return true;
}

function slow(linkType: number, d: Buffer, h: Headers): boolean {
  const p = decodePacket(linkType, d);
  if (!p || p.sport === undefined || (p.proto !== 6 && p.proto !== 17)) return false;
  if (p.version === 4) {
    const n = (s: string) => s.split('.').reduce((a, o) => a * 256 + Number(o), 0);
    h.version = 4; h.v6 = null; h.src4 = n(p.src); h.dst4 = n(p.dst);
  } else { h.version = 6; h.v6 = p; }
  h.proto = p.proto; h.sport = p.sport!; h.dport = p.dport!; h.flags = p.tcpFlags ?? 0; h.payloadLength = p.payloadLength;
  return true;
}
