// One TCP connection as packets: handshake, data segments (given with send and arrival times), delayed or
// piggy-backed ACKs, FIN exchange, and consistent sequence/acknowledgement numbers.
import { TCP, type WirePacket } from './pcap-writer.ts';
import type { Rng } from './random.ts';

export interface Segment { fromClient: boolean; send: number; len: number; text?: string }

export interface TcpConnSpec {
  client: string; cport: number; server: string; sport: number;
  open: number; close: number; latency: number; // one-way seconds
  segments: Segment[];
  pathHops: number; // routers between the ends (TTL seen at the receiver)
}

export interface SimPacket extends WirePacket { fromClient: boolean; send: number; arrive: number; text?: string }

const DELAYED_ACK = 0.04;

export function tcpPackets(r: Rng, c: TcpConnSpec): SimPacket[] {
  const L = c.latency;
  const isnC = r.u32();
  const isnS = r.u32();
  type Raw = { fromClient: boolean; send: number; len: number; flags: number; text?: string };
  const raw: Raw[] = [];
  const synAck = c.open + L + 0.00008;
  raw.push({ fromClient: true, send: c.open, len: 0, flags: TCP.SYN });
  raw.push({ fromClient: false, send: synAck, len: 0, flags: TCP.SYN | TCP.ACK });
  raw.push({ fromClient: true, send: synAck + L, len: 0, flags: TCP.ACK });
  for (const s of c.segments) raw.push({ fromClient: s.fromClient, send: s.send, len: s.text ? Buffer.byteLength(s.text) : s.len, flags: TCP.PSH | TCP.ACK, text: s.text });
  for (const side of [true, false]) {
    const arrivals = c.segments.filter((s) => s.fromClient !== side).map((s) => s.send + L).sort((a, b) => a - b);
    const sends = c.segments.filter((s) => s.fromClient === side).map((s) => s.send).sort((a, b) => a - b);
    let j = 0;
    for (let i = 0; i < arrivals.length; i++) {
      const ta = arrivals[i];
      if (i + 1 < arrivals.length && arrivals[i + 1] - ta < DELAYED_ACK && i % 2 === 0) continue;
      while (j < sends.length && sends[j] < ta) j++;
      if (j < sends.length && sends[j] - ta <= DELAYED_ACK) continue;
      raw.push({ fromClient: side, send: ta + DELAYED_ACK, len: 0, flags: TCP.ACK });
    }
  }
  raw.push({ fromClient: true, send: c.close, len: 0, flags: TCP.FIN | TCP.ACK });
  raw.push({ fromClient: false, send: c.close + L + 0.0002, len: 0, flags: TCP.FIN | TCP.ACK });
  raw.push({ fromClient: true, send: c.close + 2 * L + 0.0002, len: 0, flags: TCP.ACK });
  raw.sort((a, b) => a.send - b.send);

  const out: SimPacket[] = [];
  const sent = { c: 0, s: 0 };
  const ttlAtReceiver = 64 - c.pathHops;
  let ipIdC = r.int(1, 60000);
  let ipIdS = r.int(1, 60000);
  for (const p of raw) {
    const mine = p.fromClient ? 'c' : 's';
    const isn = p.fromClient ? isnC : isnS;
    const otherIsn = p.fromClient ? isnS : isnC;
    const synOffset = p.flags & TCP.SYN ? 0 : 1;
    const seq = (isn + synOffset + sent[mine]) >>> 0;
    const otherBytes = raw.filter((q) => q.fromClient !== p.fromClient && q.send + L <= p.send + 1e-9);
    let ack = 0;
    if (!(p.flags & TCP.SYN) || !p.fromClient) {
      const got = otherBytes.reduce((n, q) => n + q.len + (q.flags & TCP.FIN ? 1 : 0), 0);
      const sawSyn = otherBytes.some((q) => q.flags & TCP.SYN);
      ack = sawSyn ? (otherIsn + 1 + got) >>> 0 : 0;
    }
    sent[mine] += p.len + (p.flags & TCP.FIN ? 1 : 0);
    out.push({
      ts: p.send, send: p.send, arrive: p.send + L, fromClient: p.fromClient,
      src: p.fromClient ? c.client : c.server, dst: p.fromClient ? c.server : c.client,
      sport: p.fromClient ? c.cport : c.sport, dport: p.fromClient ? c.sport : c.cport,
      seq, ack, flags: p.flags, len: p.len, ttl: ttlAtReceiver, window: p.fromClient ? 2048 : 1444,
      ipId: p.fromClient ? ipIdC++ : ipIdS++, text: p.text,
    });
  }
  return out;
}

/** The packet as captured on `host` (send time and TTL 64 when it sent it, arrival time otherwise). */
export function capturedAt(p: SimPacket, host: string): WirePacket {
  const sentHere = p.src === host;
  return { ...p, ts: sentHere ? p.send : p.arrive, ttl: sentHere ? 64 : p.ttl };
}
