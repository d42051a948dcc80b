// Builders for synthetic frames and capture files (tests and benchmarks only).
import { parseIp } from '../../core/ip.ts';

export interface FrameSpec {
  src: string; dst: string; sport: number; dport: number;
  flags?: number; seq?: number; payload?: number; proto?: number;
  /** 'eth' (default), 'vlan', 'qinq', 'sll', 'sll2', 'raw' */
  link?: 'eth' | 'vlan' | 'qinq' | 'sll' | 'sll2' | 'raw';
}

function ipBytes(s: string): Buffer {
  const p = parseIp(s)!;
  const n = p.version === 4 ? 4 : 16;
  const b = Buffer.alloc(n);
  let v = p.value;
  for (let i = n - 1; i >= 0; i--) { b[i] = Number(v & 0xffn); v >>= 8n; }
  return b;
}

export function ipPacket(f: FrameSpec): Buffer {
  const proto = f.proto ?? 6;
  const l4 = Buffer.alloc(proto === 6 ? 20 : 8);
  l4.writeUInt16BE(f.sport, 0); l4.writeUInt16BE(f.dport, 2);
  if (proto === 6) { l4.writeUInt32BE((f.seq ?? 1) >>> 0, 4); l4[12] = 5 << 4; l4[13] = f.flags ?? 0x18; }
  else l4.writeUInt16BE(8 + (f.payload ?? 0), 4);
  const body = Buffer.concat([l4, Buffer.alloc(f.payload ?? 0, 0x61)]);
  const s = ipBytes(f.src), d = ipBytes(f.dst);
  if (s.length === 4) {
    const h = Buffer.alloc(20);
    h[0] = 0x45; h.writeUInt16BE(20 + body.length, 2); h[8] = 64; h[9] = proto;
    s.copy(h, 12); d.copy(h, 16);
    return Buffer.concat([h, body]);
  }
  const h = Buffer.alloc(40);
  h[0] = 0x60; h.writeUInt16BE(body.length, 4); h[6] = proto; h[7] = 64;
  s.copy(h, 8); d.copy(h, 24);
  return Buffer.concat([h, body]);
}

export function frame(f: FrameSpec): Buffer {
  const ip = ipPacket(f);
  const type = Buffer.alloc(2);
  type.writeUInt16BE(ip[0] >> 4 === 6 ? 0x86dd : 0x0800);
  const macs = Buffer.alloc(12, 2);
  const tag = (tpid: number, vid: number) => { const t = Buffer.alloc(4); t.writeUInt16BE(tpid); t.writeUInt16BE(vid, 2); return t; };
  switch (f.link ?? 'eth') {
    case 'eth': return Buffer.concat([macs, type, ip, ip.length < 46 ? Buffer.alloc(46 - ip.length) : Buffer.alloc(0)]);
    case 'vlan': return Buffer.concat([macs, tag(0x8100, 7), type, ip]);
    case 'qinq': return Buffer.concat([macs, tag(0x88a8, 100), tag(0x8100, 7), type, ip]);
    case 'sll': { const h = Buffer.alloc(16); type.copy(h, 14); return Buffer.concat([h, ip]); }
    case 'sll2': { const h = Buffer.alloc(20); type.copy(h, 0); return Buffer.concat([h, ip]); }
    case 'raw': return ip;
  }
}

export const LINK_OF = { eth: 1, vlan: 1, qinq: 1, sll: 113, sll2: 276, raw: 101 } as const;

export interface Rec { ts: number; data: Buffer }

export function pcapFile(recs: Rec[], o: { little?: boolean; nanos?: boolean; linkType?: number } = {}): Buffer {
  const little = o.little ?? true;
  const w32 = (b: Buffer, v: number, at: number) => (little ? b.writeUInt32LE(v >>> 0, at) : b.writeUInt32BE(v >>> 0, at));
  const w16 = (b: Buffer, v: number, at: number) => (little ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  const g = Buffer.alloc(24);
  w32(g, o.nanos ? 0xa1b23c4d : 0xa1b2c3d4, 0); w16(g, 2, 4); w16(g, 4, 6); w32(g, 262144, 16); w32(g, o.linkType ?? 1, 20);
  const parts: Buffer[] = [g];
  for (const r of recs) {
    const h = Buffer.alloc(16);
    const sec = Math.floor(r.ts);
    const sub = Math.round((r.ts - sec) * (o.nanos ? 1e9 : 1e6));
    w32(h, sec, 0); w32(h, sub, 4); w32(h, r.data.length, 8); w32(h, r.data.length, 12);
    parts.push(h, r.data);
  }
  return Buffer.concat(parts);
}

/** pcapng with one section and one interface per distinct link type; tsresol 10^-resol. */
export function pcapngFile(recs: Array<Rec & { linkType?: number }>, o: { little?: boolean; resol?: number; spb?: boolean } = {}): Buffer {
  const little = o.little ?? true;
  const w32 = (b: Buffer, v: number, at: number) => (little ? b.writeUInt32LE(v >>> 0, at) : b.writeUInt32BE(v >>> 0, at));
  const w16 = (b: Buffer, v: number, at: number) => (little ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  const block = (type: number, body: Buffer) => {
    const pad = Buffer.alloc((4 - (body.length % 4)) % 4);
    const len = 12 + body.length + pad.length;
    const h = Buffer.alloc(8), t = Buffer.alloc(4);
    w32(h, type, 0); w32(h, len, 4); w32(t, len, 0);
    return Buffer.concat([h, body, pad, t]);
  };
  const shb = Buffer.alloc(16);
  w32(shb, 0x1a2b3c4d, 0); w16(shb, 1, 4); shb.writeInt32LE(-1, 8); shb.writeInt32LE(-1, 12);
  const parts: Buffer[] = [block(0x0a0d0d0a, shb)];
  const resol = o.resol ?? 6;
  const ifaces: number[] = [];
  for (const lt of new Set(recs.map((r) => r.linkType ?? 1))) {
    const idb = Buffer.alloc(8 + 8 + 4);
    w16(idb, lt, 0); w32(idb, 262144, 4);
    w16(idb, 9, 8); w16(idb, 1, 10); idb[12] = resol; // if_tsresol, then opt_endofopt (zeros)
    parts.push(block(1, idb));
    ifaces.push(lt);
  }
  for (const r of recs) {
    if (o.spb) {
      const b = Buffer.alloc(4); w32(b, r.data.length, 0);
      parts.push(block(3, Buffer.concat([b, r.data])));
      continue;
    }
    const units = BigInt(Math.round(r.ts * 1e6)) * 10n ** BigInt(resol) / 1000000n;
    const b = Buffer.alloc(20);
    w32(b, ifaces.indexOf(r.linkType ?? 1), 0);
    w32(b, Number(units >> 32n), 4); w32(b, Number(units & 0xffffffffn), 8);
    w32(b, r.data.length, 12); w32(b, r.data.length, 16);
    parts.push(block(6, Buffer.concat([b, r.data])));
  }
  return Buffer.concat(parts);
}
