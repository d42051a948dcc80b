// TCP/UDP connection tracking over decoded packets: who opened it (SYN sender; mid-stream: the side on the
// higher, ephemeral port), per-direction payload times and sizes, FIN/RST end, port reuse.
import type { DecodedPacket } from './decode.ts';

export const SYN = 0x02, RST = 0x04, ACK = 0x10, FIN = 0x01;

/** Payload-carrying packets of one direction, in arrival order. */
export class Series {
  times: number[] = [];
  sizes: number[] = [];
  push(ts: number, len: number): void { this.times.push(ts); this.sizes.push(len); }
  get length(): number { return this.times.length; }
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

export class ConnectionTracker {
  private live = new Map<string, TrackedConnection>(); // keyed both ways
  private uses = new Map<string, number>();
  readonly done: TrackedConnection[] = [];
  constructor(private readonly opt: TrackOptions = { idleTimeout: 3600 }) {}

  /** Adds one packet; returns the connection and the direction (0 originator → responder). */
  add(ts: number, p: DecodedPacket): { conn: TrackedConnection; dir: 0 | 1 } | null {
    if (p.sport === undefined || p.dport === undefined || (p.proto !== 6 && p.proto !== 17)) return null;
    const proto = p.proto === 6 ? 'tcp' : 'udp';
    const flags = p.tcpFlags ?? 0;
    const fwd = connectionKey(proto, p.src, p.sport, p.dst, p.dport);
    let conn = this.live.get(fwd);
    const freshSyn = (flags & (SYN | ACK)) === SYN;
    // A fresh SYN on a finished tuple, or a long silence, starts the tuple's next connection.
    if (conn && (ts - conn.end > this.opt.idleTimeout || (freshSyn && conn.state !== 'open'))) {
      this.retire(conn);
      conn = undefined;
    }
    if (!conn) conn = this.open(ts, p, proto, flags);
    const dir: 0 | 1 = conn.src === p.src && conn.sport === p.sport ? 0 : 1;
    conn.end = ts;
    conn.pkts[dir]++;
    if (p.payloadLength > 0) { conn.bytes[dir] += p.payloadLength; conn.series[dir].push(ts, p.payloadLength); }
    if (flags & RST) conn.state = 'rst';
    else if (flags & FIN && conn.state === 'open') conn.state = 'fin';
    return { conn, dir };
  }

  private open(ts: number, p: DecodedPacket, proto: 'tcp' | 'udp', flags: number): TrackedConnection {
    const synAck = (flags & (SYN | ACK)) === (SYN | ACK);
    const syn = (flags & (SYN | ACK)) === SYN;
    // Originator: the SYN sender; for a SYN-ACK its receiver; mid-stream, the side on the higher port.
    const senderOpens = syn || (!synAck && (proto === 'udp' || p.sport! > p.dport!));
    const [src, sport, dst, dport] = senderOpens ? [p.src, p.sport!, p.dst, p.dport!] : [p.dst, p.dport!, p.src, p.sport!];
    const base = `${hostPort(src, sport)}>${hostPort(dst, dport)}`;
    const n = (this.uses.get(base) ?? 0) + 1;
    this.uses.set(base, n);
    const conn: TrackedConnection = {
      id: n === 1 ? base : `${base}#${n}`, proto, src, sport, dst, dport, start: ts, end: ts,
      handshake: syn || synAck, state: 'open', series: [new Series(), new Series()], bytes: [0, 0], pkts: [0, 0],
    };
    this.live.set(connectionKey(proto, src, sport, dst, dport), conn);
    this.live.set(connectionKey(proto, dst, dport, src, sport), conn);
    return conn;
  }

  private retire(conn: TrackedConnection): void {
    this.live.delete(connectionKey(conn.proto, conn.src, conn.sport, conn.dst, conn.dport));
    this.live.delete(connectionKey(conn.proto, conn.dst, conn.dport, conn.src, conn.sport));
    this.done.push(conn);
  }

  /** Every connection, closed or still open, ordered by start. */
  finish(): TrackedConnection[] {
    for (const c of new Set(this.live.values())) this.retire(c);
    return this.done.sort((a, b) => a.start - b.start);
  }
}
