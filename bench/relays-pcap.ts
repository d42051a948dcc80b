// Writes detector-input connections (with packet timing) as one classic pcap in time order, for the
// parse+correlate benchmark: Ethernet/IPv4/TCP frames, SYN / SYN-ACK first, 36-byte keystroke payloads, FIN last.
import { parseIpv4 } from '../src/core/ip.ts';
import type { RelayConnection } from '../src/analyzers/relays/types.ts';

const FRAME = 14 + 20 + 20;

export function connectionsToPcap(conns: RelayConnection[]): { pcap: Buffer; packets: number } {
  const ts: number[] = [], who: number[] = [], kind: number[] = []; // kind: 0 syn, 1 synack, 2 up, 3 down, 4 fin
  conns.forEach((c, i) => {
    const add = (t: number, k: number) => { ts.push(t); who.push(i); kind.push(k); };
    add(c.start - 0.002, 0); add(c.start - 0.001, 1);
    for (const t of Array.from(c.timing![0].times)) add(t, 2);
    for (const t of Array.from(c.timing![1].times)) add(t, 3);
    add(c.end + 0.001, 4);
  });
  const order = Uint32Array.from(ts.keys()).sort((a, b) => ts[a] - ts[b]);
  const sizeOf = (k: number) => 16 + FRAME + (k === 2 || k === 3 ? 36 : 0);
  let total = 24;
  for (const k of kind) total += sizeOf(k);
  const buf = Buffer.alloc(total);
  buf.writeUInt32LE(0xa1b2c3d4, 0); buf.writeUInt16LE(2, 4); buf.writeUInt16LE(4, 6); buf.writeUInt32LE(262144, 16); buf.writeUInt32LE(1, 20);
  const ips = conns.map((c) => [parseIpv4(c.src)!, parseIpv4(c.dst)!]);
  let o = 24;
  for (const j of order) {
    const c = conns[who[j]], k = kind[j], t = ts[j];
    const len = sizeOf(k) - 16;
    const sec = Math.floor(t);
    buf.writeUInt32LE(sec, o); buf.writeUInt32LE(Math.min(999999, Math.round((t - sec) * 1e6)), o + 4);
    buf.writeUInt32LE(len, o + 8); buf.writeUInt32LE(len, o + 12);
    const f = o + 16;
    buf.writeUInt16BE(0x0800, f + 12);
    const ip = f + 14, rev = k === 1 || k === 3;
    buf[ip] = 0x45; buf.writeUInt16BE(len - 14, ip + 2); buf[ip + 8] = 64; buf[ip + 9] = 6;
    buf.writeUInt32BE(ips[who[j]][rev ? 1 : 0], ip + 12); buf.writeUInt32BE(ips[who[j]][rev ? 0 : 1], ip + 16);
    const tcp = ip + 20;
    buf.writeUInt16BE(rev ? c.dport : c.sport, tcp); buf.writeUInt16BE(rev ? c.sport : c.dport, tcp + 2);
    buf[tcp + 12] = 0x50; buf[tcp + 13] = [0x02, 0x12, 0x18, 0x18, 0x11][k];
    o += 16 + len;
  }
  return { pcap: buf, packets: order.length };
}
