// Classic libpcap writer (magic a1b2c3d4, v2.4, microsecond stamps, LINKTYPE_ETHERNET) for IPv4/TCP packets
// with correct IP and TCP checksums. Payload bytes come from a seeded stream (SSH traffic is ciphertext).
import { parseIpv4 } from '../core/ip.ts';
import { FileSink } from './file-sink.ts';
import type { Rng } from './random.ts';

export const TCP = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

export interface WirePacket {
  ts: number; src: string; dst: string; sport: number; dport: number;
  seq: number; ack: number; flags: number; len: number; ttl: number; window: number; ipId: number;
  text?: string; // clear-text payload (protocol banners); otherwise seeded ciphertext-like bytes
}

function checksum(buf: Buffer, start: number, end: number, initial = 0): number {
  let sum = initial;
  for (let i = start; i + 1 < end; i += 2) sum += buf.readUInt16BE(i);
  if ((end - start) % 2 === 1) sum += buf[end - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return (~sum) & 0xffff;
}

function mac(ip: string): Buffer {
  const n = parseIpv4(ip) ?? 0;
  return Buffer.from([0x02, 0x00, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

export class PcapWriter {
  private readonly sink: FileSink;
  packets = 0;

  constructor(path: string, private readonly payload: Rng, private readonly gatewayIp: string) {
    this.sink = new FileSink(path);
    const h = Buffer.alloc(24);
    h.writeUInt32LE(0xa1b2c3d4, 0);
    h.writeUInt16LE(2, 4);
    h.writeUInt16LE(4, 6);
    h.writeInt32LE(0, 8);
    h.writeUInt32LE(0, 12);
    h.writeUInt32LE(65535, 16);
    h.writeUInt32LE(1, 20);
    this.sink.write(h);
  }

  /** `local` is the captured host: frames to/from it use its MAC and the gateway's. */
  write(p: WirePacket, local: string): void {
    const frameLen = 14 + 20 + 20 + p.len;
    const f = Buffer.alloc(16 + frameLen);
    let sec = Math.floor(p.ts);
    let usec = Math.round((p.ts - sec) * 1e6);
    if (usec >= 1e6) { sec += 1; usec -= 1e6; }
    f.writeUInt32LE(sec, 0);
    f.writeUInt32LE(usec, 4);
    f.writeUInt32LE(frameLen, 8);
    f.writeUInt32LE(frameLen, 12);
    const outbound = p.src === local;
    mac(outbound ? this.gatewayIp : local).copy(f, 16);
    mac(outbound ? local : this.gatewayIp).copy(f, 22);
    f.writeUInt16BE(0x0800, 28);
    const ip = 30;
    f[ip] = 0x45;
    f[ip + 1] = 0;
    f.writeUInt16BE(20 + 20 + p.len, ip + 2);
    f.writeUInt16BE(p.ipId & 0xffff, ip + 4);
    f.writeUInt16BE(0x4000, ip + 6);
    f[ip + 8] = p.ttl;
    f[ip + 9] = 6;
    f.writeUInt32BE(parseIpv4(p.src)!, ip + 12);
    f.writeUInt32BE(parseIpv4(p.dst)!, ip + 16);
    f.writeUInt16BE(checksum(f, ip, ip + 20), ip + 10);
    const tcp = ip + 20;
    f.writeUInt16BE(p.sport, tcp);
    f.writeUInt16BE(p.dport, tcp + 2);
    f.writeUInt32BE(p.seq >>> 0, tcp + 4);
    f.writeUInt32BE(p.ack >>> 0, tcp + 8);
    f[tcp + 12] = 5 << 4;
    f[tcp + 13] = p.flags;
    f.writeUInt16BE(p.window, tcp + 14);
    if (p.text) f.write(p.text, tcp + 20, 'latin1');
    else if (p.len > 0) this.payload.bytes(p.len).copy(f, tcp + 20);
    const pseudo = sumPseudo(p.src, p.dst, 20 + p.len);
    f.writeUInt16BE(checksum(f, tcp, tcp + 20 + p.len, pseudo), tcp + 16);
    this.sink.write(f);
    this.packets++;
  }

  close(): number {
    this.sink.close();
    return this.sink.bytes;
  }
}

function sumPseudo(src: string, dst: string, tcpLen: number): number {
  const s = parseIpv4(src)!;
  const d = parseIpv4(dst)!;
  return (s >>> 16) + (s & 0xffff) + (d >>> 16) + (d & 0xffff) + 6 + tcpLen;
}
