// Writes detector-input connections (with packet timing) as one classic pcap in time order, for the
// parse+correlate benchmarks: Ethernet/IPv4/TCP frames, SYN / SYN-ACK first, 36-byte keystroke payloads, FIN
// last. Generated a minute of capture at a time (only the connections live in that minute are visited), so a
// relay-day of 25 M packets streams to a file without holding it in memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseIpv4 } from '../src/core/ip.ts';
import { lowerBoundIn } from '../src/analyzers/relays/timing-index.ts';
import type { RelayConnection } from '../src/analyzers/relays/types.ts';

const FRAME = 14 + 20 + 20, SLICE = 60;
const FLAGS = [0x02, 0x12, 0x18, 0x18, 0x11]; // kind: 0 SYN, 1 SYN-ACK, 2 up payload, 3 down payload, 4 FIN
const frameLen = (kind: number) => FRAME + (kind === 2 || kind === 3 ? 36 : 0);

function header(): Buffer {
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6); h.writeUInt32LE(262144, 16); h.writeUInt32LE(1, 20);
  return h;
}

function writeFrame(buf: Buffer, o: number, t: number, kind: number, c: RelayConnection, src: number, dst: number): number {
  const len = frameLen(kind), sec = Math.floor(t);
  buf.writeUInt32LE(sec, o); buf.writeUInt32LE(Math.min(999999, Math.round((t - sec) * 1e6)), o + 4);
  buf.writeUInt32LE(len, o + 8); buf.writeUInt32LE(len, o + 12);
  const f = o + 16, ip = f + 14, tcp = ip + 20, rev = kind === 1 || kind === 3;
  buf.fill(0, f, f + len);
  buf.writeUInt16BE(0x0800, f + 12);
  buf[ip] = 0x45; buf.writeUInt16BE(len - 14, ip + 2); buf[ip + 8] = 64; buf[ip + 9] = 6;
  buf.writeUInt32BE(rev ? dst : src, ip + 12); buf.writeUInt32BE(rev ? src : dst, ip + 16);
  buf.writeUInt16BE(rev ? c.dport : c.sport, tcp); buf.writeUInt16BE(rev ? c.sport : c.dport, tcp + 2);
  buf[tcp + 12] = 0x50; buf[tcp + 13] = FLAGS[kind];
  return o + 16 + len;
}

/** The capture as chunks: the global header, then one buffer per minute of capture. */
export function* pcapChunks(conns: RelayConnection[]): Generator<Buffer> {
  yield header();
  const order = conns.map((_, i) => i).sort((a, b) => conns[a].start - conns[b].start);
  const ips = conns.map((c) => [parseIpv4(c.src)!, parseIpv4(c.dst)!]);
  let live: number[] = [], next = 0;
  for (let t0 = Math.floor(conns[order[0]].start - 1); next < order.length || live.length; t0 += SLICE) {
    const t1 = t0 + SLICE;
    while (next < order.length && conns[order[next]].start - 0.002 < t1) live.push(order[next++]);
    const ev: number[] = []; // triples: time, connection, kind
    for (const i of live) {
      const c = conns[i];
      const at = (t: number, k: number) => { if (t >= t0 && t < t1) ev.push(t, i, k); };
      at(c.start - 0.002, 0); at(c.start - 0.001, 1); at(c.end + 0.001, 4);
      for (const d of [0, 1]) {
        const times = c.timing![d].times;
        for (let j = lowerBoundIn(times, 0, times.length, t0); j < times.length && times[j] < t1; j++) ev.push(times[j], i, 2 + d);
      }
    }
    live = live.filter((i) => conns[i].end + 0.001 >= t1);
    const idx = Array.from({ length: ev.length / 3 }, (_, k) => k).sort((a, b) => ev[3 * a] - ev[3 * b] || a - b);
    let size = 0;
    for (const k of idx) size += 16 + frameLen(ev[3 * k + 2]);
    const buf = Buffer.allocUnsafe(size);
    let o = 0;
    for (const k of idx) { const i = ev[3 * k + 1]; o = writeFrame(buf, o, ev[3 * k], ev[3 * k + 2], conns[i], ips[i][0], ips[i][1]); }
    if (size) yield buf;
  }
}

/** The whole capture in memory (small inputs). */
export function connectionsToPcap(conns: RelayConnection[]): { pcap: Buffer; packets: number } {
  const chunks = [...pcapChunks(conns)];
  const pcap = Buffer.concat(chunks);
  return { pcap, packets: countRecords(pcap, 24) };
}

/** Streams the capture to a file; returns the packet count and bytes written. */
export function writeConnectionsPcap(conns: RelayConnection[], path: string): { packets: number; bytes: number } {
  const fd = openSync(path, 'w');
  let packets = 0, bytes = 0, first = true;
  try {
    for (const b of pcapChunks(conns)) {
      writeSync(fd, b);
      bytes += b.length;
      if (!first) packets += countRecords(b);
      first = false;
    }
  } finally {
    closeSync(fd);
  }
  return { packets, bytes };
}

function countRecords(b: Buffer, from = 0): number {
  let n = 0;
  for (let o = from; o < b.length; o += 16 + b.readUInt32LE(o + 8)) n++;
  return n;
}
