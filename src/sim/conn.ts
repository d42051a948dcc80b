// One connection as a sensor or router saw it (Zeek conn.log semantics), plus optional DNS / TLS detail.
import type { Rng } from './random.ts';

export interface DnsDetail { query: string; qtype: 'A' | 'AAAA'; answers: string[]; ttl: number; rcode: 'NOERROR' | 'NXDOMAIN' }
export interface TlsDetail { sni: string | null; version: string; cipher: string; certFp: string; established: boolean }

export interface Conn {
  ts: number;
  uid: string;
  src: string; sport: number; dst: string; dport: number;
  proto: 'tcp' | 'udp' | 'icmp';
  service: string | null;
  duration: number | null;
  ob: number; rb: number; // payload bytes originator → responder, responder → originator
  op: number; rp: number; // packets
  state: string; // Zeek conn_state
  history: string;
  localOrig: boolean; localResp: boolean;
  dns?: DnsDetail;
  tls?: TlsDetail;
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Zeek-style connection uid ("C" + 17 base62 characters). */
export function zeekUid(rng: Rng): string {
  let a = rng.u32();
  let b = rng.u32();
  let c = rng.u32();
  const ch: string[] = ['C'];
  for (let i = 0; i < 17; i++) {
    const w = i < 5 ? a : i < 10 ? b : c;
    ch.push(B62[w % 62]);
    if (i < 5) a = Math.floor(a / 62); else if (i < 10) b = Math.floor(b / 62); else c = Math.floor(c / 62);
  }
  return ch.join('');
}

export function ephemeralPort(rng: Rng): number {
  return rng.int(49152, 65535);
}

interface Shape { ob: number; rb: number; duration: number; state?: string }

/** A completed TCP/UDP exchange with plausible packet counts for its byte counts. */
export function completed(rng: Rng, base: Omit<Conn, 'uid' | 'duration' | 'ob' | 'rb' | 'op' | 'rp' | 'state' | 'history'>, s: Shape): Conn {
  const mss = 1448;
  const tcp = base.proto === 'tcp';
  const op = tcp ? 3 + Math.ceil(s.ob / mss) + Math.ceil(s.rb / (mss * 2)) : Math.max(1, Math.ceil(s.ob / 1200));
  const rp = tcp ? 2 + Math.ceil(s.rb / mss) + Math.ceil(s.ob / (mss * 2)) : s.rb > 0 ? Math.max(1, Math.ceil(s.rb / 1200)) : 0;
  return {
    ts: base.ts, uid: zeekUid(rng), src: base.src, sport: base.sport, dst: base.dst, dport: base.dport, proto: base.proto,
    service: base.service, duration: s.duration, ob: s.ob, rb: s.rb, op, rp,
    state: s.state ?? (tcp ? 'SF' : s.rb > 0 ? 'SF' : 'S0'),
    history: tcp ? (s.rb > 0 ? 'ShADadFf' : 'ShADFf') : s.rb > 0 ? 'Dd' : 'D',
    localOrig: base.localOrig, localResp: base.localResp,
  };
}

/** An unanswered (S0) or refused (REJ) TCP probe. */
export function probe(rng: Rng, base: Omit<Conn, 'uid' | 'duration' | 'ob' | 'rb' | 'op' | 'rp' | 'state' | 'history' | 'service'>, refused: boolean): Conn {
  return {
    ...base, service: null, uid: zeekUid(rng), duration: refused ? rng.range(0.00005, 0.002) : null, ob: 0, rb: 0,
    op: refused ? 1 : 1 + (rng.chance(0.3) ? 1 : 0), rp: refused ? 1 : 0,
    state: refused ? 'REJ' : 'S0', history: refused ? 'Sr' : 'S',
  };
}

export const byTime = (a: { ts: number }, b: { ts: number }): number => a.ts - b.ts;
