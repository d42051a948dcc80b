// TCP/UDP connection tracking over decoded packets: who opened it (SYN sender; mid-stream: the side on the
// higher, ephemeral port), per-direction payload times and sizes, FIN/RST end, port reuse.
import { v4ToText } from '../../core/ip.ts';
import type { DecodedPacket } from './decode.ts';
import type { Headers } from './headers.ts';
import { v4Key, V4Table, type V4Key } from './v4-table.ts';

export const SYN = 0x02, RST = 0x04, ACK = 0x10, FIN = 0x01;

/**
 * Payload-carrying packets of one direction, in arrival order. Collected in JS arrays while the connection is
 * live (cheap appends), moved into typed arrays when it is retired (off the JS heap, so millions of packet
 * times do not slow every later garbage collection).
 */
export class Series {
  private tl: number[] = [];
  private sl: number[] = [];
  private tf: Float64Array | null = null;
  private sf: Uint32Array | null = null;
  push(ts: number, len: number): void { this.tl.push(ts); this.sl.push(len); }
  /** Called once no more packets can arrive (the tracker retires the connection). */
  seal(): void {
    if (this.tf) return;
    this.tf = Float64Array.from(this.tl); this.sf = Uint32Array.from(this.sl);
    this.tl = []; this.sl = [];
  }
  get times(): Float64Array { return this.tf ?? Float64Array.from(this.tl); }
  get sizes(): Uint32Array { return this.sf ?? Uint32Array.from(this.sl); }
  get length(): number { return this.tf ? this.tf.length : this.tl.length; }
}

export interface TrackedConnection {
  /** `src:sport>dst:dport` of the originator, `#n` appended when the tuple is reused in the capture. */
  id: string;
  proto: 'tcp' | 'udp';
  src: string; sport: number; dst: string; dport: number;
  start: number; end: number;
  /** SYN seen (originator known for sure) vs guessed from ports mid-stream. */
  handshake: boolean;
  state: 'open' | 'fin' | 'rst';
  /** [0] originator → responder, [1] reverse. */
  series: [Series, Series];
  bytes: [number, number];
  pkts: [number, number];
}

export interface TrackOptions {
  /** Seconds of silence after which a packet on the same tuple starts a new connection. */
  idleTimeout: number;
  /** Seconds a closed (FIN/RST) connection still takes stray packets (final ACKs, retransmissions) before it is retired. */
  linger?: number;
}

/** Capture seconds between passes that retire finished connections, so the live tables hold only recent ones. */
const SWEEP_EVERY = 30;

const hostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

export function connectionKey(proto: string, a: string, ap: number, b: string, bp: number): string {
  return `${proto}|${hostPort(a, ap)}>${hostPort(b, bp)}`;
}

/** A live connection and how it is keyed (text key for IPv6; endpoint-pair key for IPv4, whose originator is oIp:oPort). */
interface Live { conn: TrackedConnection; key: string | null; k: V4Key; proto: number; oIp: number; oPort: number }

export class ConnectionTracker {
  private liveText = new Map<string, Live>(); // IPv6, keyed both ways
  private liveV4 = [new V4Table<Live>(), new V4Table<Live>()]; // [tcp, udp]
  private readonly key: V4Key = { x: 0, y: 0, z: 0 }; // scratch key of the packet at hand
  private uses = new Map<string, number>();
  readonly done: TrackedConnection[] = [];
  private nextSweep = -Infinity;
  constructor(private readonly opt: TrackOptions = { idleTimeout: 3600 }) {}

  /** Adds one decoded packet; returns the connection and the direction (0 originator → responder). */
  add(ts: number, p: DecodedPacket): { conn: TrackedConnection; dir: 0 | 1 } | null {
    if (p.sport === undefined || p.dport === undefined || (p.proto !== 6 && p.proto !== 17)) return null;
    if (p.version === 4) {
      const n = (a: string) => a.split('.').reduce((x, o) => x * 256 + Number(o), 0);
      return this.addV4(ts, p.proto, n(p.src), p.sport, n(p.dst), p.dport, p.tcpFlags ?? 0, p.payloadLength);
    }
    if (ts >= this.nextSweep) this.sweep(ts);
    const proto = p.proto === 6 ? 'tcp' : 'udp';
    const key = connectionKey(proto, p.src, p.sport, p.dst, p.dport);
    let live = this.liveText.get(key);
    if (live && this.stale(live.conn, ts, p.tcpFlags ?? 0)) { this.retire(live); live = undefined; }
    if (!live) {
      const conn = this.open(ts, p.src, p.sport, p.dst, p.dport, proto, p.tcpFlags ?? 0);
      live = { conn, key, k: { x: 0, y: 0, z: 0 }, proto: p.proto, oIp: 0, oPort: 0 };
      this.liveText.set(connectionKey(proto, conn.src, conn.sport, conn.dst, conn.dport), live);
      this.liveText.set(connectionKey(proto, conn.dst, conn.dport, conn.src, conn.sport), live);
    }
    const dir: 0 | 1 = live.conn.src === p.src && live.conn.sport === p.sport ? 0 : 1;
    this.step(live.conn, ts, dir, p.tcpFlags ?? 0, p.payloadLength);
    return { conn: live.conn, dir };
  }

  /** The hot path for header-only decoding (headers.ts): IPv4 endpoints as numbers, no strings or objects per packet. */
  addHeaders(ts: number, h: Headers): void {
    if (h.version === 6) { if (h.v6) this.add(ts, h.v6); return; }
    const live = this.liveV4Of(ts, h.proto, h.src4, h.sport, h.dst4, h.dport, h.flags);
    this.step(live.conn, ts, live.oIp === h.src4 && live.oPort === h.sport ? 0 : 1, h.flags, h.payloadLength);
  }

  private addV4(ts: number, proto: number, s4: number, sport: number, d4: number, dport: number, flags: number, len: number) {
    const live = this.liveV4Of(ts, proto, s4, sport, d4, dport, flags);
    const dir: 0 | 1 = live.oIp === s4 && live.oPort === sport ? 0 : 1;
    this.step(live.conn, ts, dir, flags, len);
    return { conn: live.conn, dir };
  }

  /** The live connection of this IPv4 packet's endpoint pair, opening a new one where none (or a stale one) is. */
  private liveV4Of(ts: number, proto: number, s4: number, sport: number, d4: number, dport: number, flags: number): Live {
    if (ts >= this.nextSweep) this.sweep(ts);
    const table = this.liveV4[proto === 6 ? 0 : 1];
    const k = v4Key(s4, sport, d4, dport, this.key);
    let live = table.get(k);
    if (live && this.stale(live.conn, ts, flags)) { this.retire(live); live = undefined; }
    if (!live) {
      const src = v4ToText(s4);
      const conn = this.open(ts, src, sport, v4ToText(d4), dport, proto === 6 ? 'tcp' : 'udp', flags);
      const mine = conn.sport === sport && conn.src === src;
      live = { conn, key: null, k: { x: k.x, y: k.y, z: k.z }, proto, oIp: mine ? s4 : d4, oPort: mine ? sport : dport };
      table.set(live.k, live);
    }
    return live;
  }

  /** Retires connections that take no more packets: closed and quiet for `linger`, or idle past `idleTimeout`. */
  private sweep(ts: number): void {
    this.nextSweep = ts + SWEEP_EVERY;
    const linger = this.opt.linger ?? 120;
    const over = (c: TrackedConnection) => ts - c.end > (c.state === 'open' ? this.opt.idleTimeout : linger);
    for (const live of new Set(this.liveText.values())) if (over(live.conn)) this.retire(live);
    for (const table of this.liveV4) for (const live of table.values()) if (over(live.conn)) this.retire(live);
  }

  /** A fresh SYN on a finished tuple, or a long silence, starts the tuple's next connection. */
  private stale(conn: TrackedConnection, ts: number, flags: number): boolean {
    return ts - conn.end > this.opt.idleTimeout || ((flags & (SYN | ACK)) === SYN && conn.state !== 'open');
  }

  private step(conn: TrackedConnection, ts: number, dir: 0 | 1, flags: number, len: number): void {
    conn.end = ts;
    conn.pkts[dir]++;
    if (len > 0) { conn.bytes[dir] += len; conn.series[dir].push(ts, len); }
    if (flags & RST) conn.state = 'rst';
    else if (flags & FIN && conn.state === 'open') conn.state = 'fin';
  }

  private open(ts: number, s: string, sp: number, d: string, dp: number, proto: 'tcp' | 'udp', flags: number): TrackedConnection {
    const synAck = (flags & (SYN | ACK)) === (SYN | ACK);
    const syn = (flags & (SYN | ACK)) === SYN;
    // Originator: the SYN sender; for a SYN-ACK its receiver; mid-stream, the side on the higher port.
    const senderOpens = syn || (!synAck && (proto === 'udp' || sp > dp));
    const [src, sport, dst, dport] = senderOpens ? [s, sp, d, dp] : [d, dp, s, sp];
    const base = `${hostPort(src, sport)}>${hostPort(dst, dport)}`;
    const n = (this.uses.get(base) ?? 0) + 1;
    this.uses.set(base, n);
    return {
      id: n === 1 ? base : `${base}#${n}`, proto, src, sport, dst, dport, start: ts, end: ts,
      handshake: syn || synAck, state: 'open', series: [new Series(), new Series()], bytes: [0, 0], pkts: [0, 0],
    };
  }

  private retire(live: Live): void {
    const c = live.conn;
    c.series[0].seal(); c.series[1].seal();
    if (live.key !== null) {
      this.liveText.delete(connectionKey(c.proto, c.src, c.sport, c.dst, c.dport));
      this.liveText.delete(connectionKey(c.proto, c.dst, c.dport, c.src, c.sport));
    } else {
      this.liveV4[live.proto === 6 ? 0 : 1].delete(live.k);
    }
    this.done.push(c);
  }

  /** Every connection, closed or still open, ordered by start. */
  finish(): TrackedConnection[] {
    for (const live of new Set(this.liveText.values())) this.retire(live);
    for (const table of this.liveV4) for (const live of table.values()) this.retire(live);
    return this.done.sort((a, b) => a.start - b.start);
  }
}
