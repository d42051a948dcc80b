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

/** Fills `h` for a TCP/UDP packet and returns true; anything else returns false (decodePacket counts why). */
export function decodeHeaders(linkType: number, d: Buffer, h: Headers): boolean {
  let at = -1;
  if (linkType === LINK.ETHERNET && d.length >= 34 && d[12] === 0x08 && d[13] === 0x00) at = 14;
  else if ((linkType === LINK.RAW || linkType === LINK.RAW_12 || linkType === LINK.RAW_14 || linkType === LINK.IPV4) && d.length >= 20 && d[0] >> 4 === 4) at = 0;
  else if (linkType === LINK.SLL && d.length >= 36 && d[14] === 0x08 && d[15] === 0x00) at = 16;
  if (at < 0 || d[at] >> 4 !== 4) return slow(linkType, d, h);
  const ihl = (d[at] & 0x0f) * 4;
  const total = d.readUInt16BE(at + 2);
  const proto = d[at + 9];
  if (ihl < 20 || (d.readUInt16BE(at + 6) & 0x3fff) !== 0 || (proto !== 6 && proto !== 17)) return slow(linkType, d, h);
  const l4 = at + ihl;
  if (d.length < l4 + (proto === 6 ? 20 : 8)) return slow(linkType, d, h);
  h.version = 4; h.v6 = null; h.proto = proto;
  h.src4 = d.readUInt32BE(at + 12); h.dst4 = d.readUInt32BE(at + 16);
  h.sport = d.readUInt16BE(l4); h.dport = d.readUInt16BE(l4 + 2);
  if (proto === 6) {
    h.flags = d[l4 + 13];
    h.payloadLength = Math.max(0, at + total - l4 - (d[l4 + 12] >> 4) * 4);
  } else {
    h.flags = 0;
    h.payloadLength = Math.max(0, at + total - l4 - 8);
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
