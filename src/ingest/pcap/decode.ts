// Link → IP → TCP/UDP decoding of one captured frame. Anything else (ARP, fragments, unknown link types,
// short frames) returns null and is counted in `skipped` by reason.
import { v6GroupsToText } from '../../core/ip.ts';

export interface DecodedPacket {
  version: 4 | 6;
  src: string;
  dst: string;
  /** IP protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6…). */
  proto: number;
  sport?: number;
  dport?: number;
  tcpFlags?: number;
  seq?: number;
  /** Transport payload as captured (may be shorter than payloadLength when the snap length cut it). */
  payload: Buffer;
  /** Transport payload length from the headers (IP total length minus headers; Ethernet padding excluded). */
  payloadLength: number;
}

export type SkipCounts = Record<string, number>;

export const LINK = { NULL: 0, ETHERNET: 1, RAW_12: 12, RAW_14: 14, RAW: 101, LOOP: 108, SLL: 113, IPV4: 228, IPV6: 229, SLL2: 276 } as const;

const ETH_IPV4 = 0x0800, ETH_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);
const OCTET = Array.from({ length: 256 }, (_, i) => String(i));

function skip(stats: SkipCounts | undefined, reason: string): null {
  if (stats) stats[reason] = (stats[reason] ?? 0) + 1;
  return null;
}

export function decodePacket(linkType: number, data: Buffer, stats?: SkipCounts): DecodedPacket | null {
  let at: number;
  let ethType: number;
  switch (linkType) {
    case LINK.ETHERNET: {
      if (data.length < 14) return skip(stats, 'short frame');
      at = 12;
      ethType = data.readUInt16BE(at);
      while (VLAN_TAGS.has(ethType) && data.length >= at + 6) { at += 4; ethType = data.readUInt16BE(at); }
      at += 2;
      break;
    }
    case LINK.SLL:
      if (data.length < 16) return skip(stats, 'short frame');
      ethType = data.readUInt16BE(14); at = 16;
      break;
    case LINK.SLL2:
      if (data.length < 20) return skip(stats, 'short frame');
      ethType = data.readUInt16BE(0); at = 20;
      break;
    case LINK.RAW: case LINK.RAW_12: case LINK.RAW_14: case LINK.IPV4: case LINK.IPV6:
      if (data.length < 1) return skip(stats, 'short frame');
      at = 0; ethType = data[0] >> 4 === 6 ? ETH_IPV6 : ETH_IPV4;
      break;
    case LINK.NULL: case LINK.LOOP: {
      if (data.length < 5) return skip(stats, 'short frame');
      at = 4; ethType = data[4] >> 4 === 6 ? ETH_IPV6 : ETH_IPV4;
      break;
    }
    default:
      return skip(stats, `link type ${linkType}`);
  }
  if (ethType === ETH_IPV4) return decodeIpv4(data, at, stats);
  if (ethType === ETH_IPV6) return decodeIpv6(data, at, stats);
  return skip(stats, `ethertype 0x${ethType.toString(16).padStart(4, '0')}`);
}

function decodeIpv4(d: Buffer, at: number, stats?: SkipCounts): DecodedPacket | null {
  if (d.length < at + 20 || d[at] >> 4 !== 4) return skip(stats, 'bad IPv4 header');
  const ihl = (d[at] & 0x0f) * 4;
  const total = d.readUInt16BE(at + 2);
  if (ihl < 20 || total < ihl || d.length < at + ihl) return skip(stats, 'bad IPv4 header');
  const frag = d.readUInt16BE(at + 6);
  if (frag & 0x3fff) return skip(stats, 'IPv4 fragment');
  const src = `${OCTET[d[at + 12]]}.${OCTET[d[at + 13]]}.${OCTET[d[at + 14]]}.${OCTET[d[at + 15]]}`;
  const dst = `${OCTET[d[at + 16]]}.${OCTET[d[at + 17]]}.${OCTET[d[at + 18]]}.${OCTET[d[at + 19]]}`;
  return transport(d, at + ihl, at + total, 4, src, dst, d[at + 9], stats);
}

const V6_EXT = new Set([0, 43, 60, 51, 135, 139, 140]);

function decodeIpv6(d: Buffer, at: number, stats?: SkipCounts): DecodedPacket | null {
  if (d.length < at + 40 || d[at] >> 4 !== 6) return skip(stats, 'bad IPv6 header');
  const end = at + 40 + d.readUInt16BE(at + 4);
  let next = d[at + 6];
  let o = at + 40;
  while (V6_EXT.has(next) || next === 44) {
    if (d.length < o + 8) return skip(stats, 'bad IPv6 extension header');
    if (next === 44) return skip(stats, 'IPv6 fragment');
    const len = next === 51 ? (d[o + 1] + 2) * 4 : (d[o + 1] + 1) * 8;
    next = d[o];
    o += len;
  }
  if (next === 59) return skip(stats, 'IPv6 no next header');
  return transport(d, o, end, 6, v6Text(d, at + 8), v6Text(d, at + 24), next, stats);
}

function v6Text(d: Buffer, at: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(d.readUInt16BE(at + i * 2));
  return v6GroupsToText(g);
}

function transport(d: Buffer, at: number, ipEnd: number, version: 4 | 6, src: string, dst: string, proto: number, stats?: SkipCounts): DecodedPacket | null {
  if (proto === 6) {
    if (d.length < at + 20) return skip(stats, 'short TCP header');
    const hl = (d[at + 12] >> 4) * 4;
    if (hl < 20) return skip(stats, 'bad TCP header');
    const start = at + hl;
    return {
      version, src, dst, proto, sport: d.readUInt16BE(at), dport: d.readUInt16BE(at + 2),
      seq: d.readUInt32BE(at + 4), tcpFlags: d[at + 13],
      payload: d.subarray(Math.min(start, d.length), Math.min(ipEnd, d.length)), payloadLength: Math.max(0, ipEnd - start),
    };
  }
  if (proto === 17) {
    if (d.length < at + 8) return skip(stats, 'short UDP header');
    return {
      version, src, dst, proto, sport: d.readUInt16BE(at), dport: d.readUInt16BE(at + 2),
      payload: d.subarray(at + 8, Math.min(ipEnd, d.length)), payloadLength: Math.max(0, ipEnd - at - 8),
    };
  }
  return { version, src, dst, proto, payload: d.subarray(Math.min(at, d.length), Math.min(ipEnd, d.length)), payloadLength: Math.max(0, ipEnd - at) };
}
