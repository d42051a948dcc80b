// TCP/UDP connection tracking over decoded packets: who opened it (SYN sender; mid-stream: the side on the
// higher, ephemeral port), per-direction payload times and sizes, FIN/RST end, port reuse.
import { v4ToText } from '../../core/ip.ts';
import type { DecodedPacket } from './decode.ts';
import type { Headers } from './headers.ts';

export const SYN = 0x02, RST = 0x04, ACK = 0x10, FIN = 0x01;

/**
 * Payload-carrying packets of one direction, in arrival order, in growable typed arrays (off the JS heap, so
 * millions of packet times do not slow every later garbage collection).
 */
export class Series {
  private t = new Float64Array(4);
  private s = new Uint32Array(4);
  private n = 0;
  push(ts: number, len: number): void {
    if (this.n === this.t.length) {
      const t = new Float64Array(2 * this.n), s = new Uint32Array(2 * this.n);
      t.set(this.t); s.set(this.s);
      this.t = t; this.s = s;
    }
    this.t[this.n] = ts; this.s[this.n++] = len;
  }
  get times(): Float64Array { return this.t.subarray(0, this.n); }
  get sizes(): Uint32Array { return this.s.subarray(0, this.n); }
  get length(): number { return this.n; }
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
}

const hostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

export function connectionKey(proto: string, a: string, ap: number, b: string, bp: number): string {
  return `${proto}|${hostPort(a, ap)}>${hostPort(b, bp)}`;
}

/** A live connection and how it is keyed; `origin` is the originator's (IPv4 · 65536 + port) on the IPv4 path. */
interface Live { conn: TrackedConnection; key: string | null; lo: number; hi: number; proto: number; origin: number }

export class ConnectionTracker {
  private liveText = new Map<string, Live>(); // IPv6, keyed both ways
  private liveV4 = [new Map<number, Map<number, Live>>(), new Map<number, Map<number, Live>>()]; // [tcp, udp]: lo → hi
  private uses = new Map<string, number>();
  readonly done: TrackedConnection[] = [];
  constructor(private readonly opt: TrackOptions = { idleTimeout: 3600 }) {}

  /** Adds one decoded packet; returns the connection and the direction (0 originator → responder). */
  add(ts: number, p: DecodedPacket): { conn: TrackedConnection; dir: 0 | 1 } | null {
    if (p.sport === undefined || p.dport === undefined || (p.proto !== 6 && p.proto !== 17)) return null;
    if (p.version === 4) {
      const n = (a: string) => a.split('.').reduce((x, o) => x * 256 + Number(o), 0);
      return this.addV4(ts, p.proto, n(p.src), p.sport, n(p.dst), p.dport, p.tcpFlags ?? 0, p.payloadLength);
    }
    const proto = p.proto === 6 ? 'tcp' : 'udp';
    const key = connectionKey(proto, p.src, p.sport, p.dst, p.dport);
    let live = this.liveText.get(key);
    if (live && this.stale(live.conn, ts, p.tcpFlags ?? 0)) { this.retire(live); live = undefined; }
    if (!live) {
      const conn = this.open(ts, p.src, p.sport, p.dst, p.dport, proto, p.tcpFlags ?? 0);
      live = { conn, key, lo: 0, hi: 0, proto: p.proto, origin: 0 };
      this.liveText.set(connectionKey(proto, conn.src, conn.sport, conn.dst, conn.dport), live);
      this.liveText.set(connectionKey(proto, conn.dst, conn.dport, conn.src, conn.sport), live);
    }
    return this.step(live.conn, ts, live.conn.src === p.src && live.conn.sport === p.sport ? 0 : 1, p.tcpFlags ?? 0, p.payloadLength);
  }

  /** The hot path for header-only decoding (headers.ts): IPv4 endpoints as numbers, no strings per packet. */
  addHeaders(ts: number, h: Headers): { conn: TrackedConnection; dir: 0 | 1 } | null {
    if (h.version === 6) return h.v6 ? this.add(ts, h.v6) : null;
    return this.addV4(ts, h.proto, h.src4, h.sport, h.dst4, h.dport, h.flags, h.payloadLength);
  }

  private addV4(ts: number, proto: number, s4: number, sport: number, d4: number, dport: number, flags: number, len: number) {
    const a = s4 * 65536 + sport, b = d4 * 65536 + dport;
    const lo = a < b ? a : b, hi = a < b ? b : a;
    const table = this.liveV4[proto === 6 ? 0 : 1];
    let inner = table.get(lo);
    let live = inner?.get(hi);
    if (live && this.stale(live.conn, ts, flags)) { this.retire(live); live = undefined; inner = table.get(lo); }
    if (!live) {
      const conn = this.open(ts, v4ToText(s4), sport, v4ToText(d4), dport, proto === 6 ? 'tcp' : 'udp', flags);
      live = { conn, key: null, lo, hi, proto, origin: conn.sport === sport && conn.src === v4ToText(s4) ? a : b };
      if (!inner) table.set(lo, (inner = new Map()));
      inner.set(hi, live);
    }
    return this.step(live.conn, ts, live.origin === a ? 0 : 1, flags, len);
  }

  /** A fresh SYN on a finished tuple, or a long silence, starts the tuple's next connection. */
  private stale(conn: TrackedConnection, ts: number, flags: number): boolean {
    return ts - conn.end > this.opt.idleTimeout || ((flags & (SYN | ACK)) === SYN && conn.state !== 'open');
  }

  private step(conn: TrackedConnection, ts: number, dir: 0 | 1, flags: number, len: number) {
    conn.end = ts;
    conn.pkts[dir]++;
    if (len > 0) { conn.bytes[dir] += len; conn.series[dir].push(ts, len); }
    if (flags & RST) conn.state = 'rst';
    else if (flags & FIN && conn.state === 'open') conn.state = 'fin';
    return { conn, dir };
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
    if (live.key !== null) {
      this.liveText.delete(connectionKey(c.proto, c.src, c.sport, c.dst, c.dport));
      this.liveText.delete(connectionKey(c.proto, c.dst, c.dport, c.src, c.sport));
    } else {
      const table = this.liveV4[live.proto === 6 ? 0 : 1];
      const inner = table.get(live.lo)!;
      inner.delete(live.hi);
      if (!inner.size) table.delete(live.lo);
    }
    this.done.push(c);
  }

  /** Every connection, closed or still open, ordered by start. */
  finish(): TrackedConnection[] {
    for (const live of new Set(this.liveText.values())) this.retire(live);
    for (const table of this.liveV4) for (const inner of [...table.values()]) for (const live of [...inner.values()]) this.retire(live);
    return this.done.sort((a, b) => a.start - b.start);
  }
}
