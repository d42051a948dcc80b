// Relayed operator sessions (origin → relay1 → relay2 → victim) and the independent decoy traffic on the same
// relay hosts (unrelated inbound and outbound SSH sessions, bulk downloads). Produces packets per captured
// relay host, connection summaries for sensors and routers, and the truth about which hops belong together.
import { clientIp } from './internet.ts';
import { zeekUid, type Conn } from './conn.ts';
import { ChainSession } from './keystrokes.ts';
import type { RelayPlan } from './campaign.ts';
import type { Rng } from './random.ts';
import { tcpPackets, type SimPacket, type TcpConnSpec } from './tcp-session.ts';

export interface HopTuple { src: string; sport: number; dst: string; dport: number; proto: 'tcp'; start: number; end: number }
export interface ChainTruth { id: string; org: string; operator_ip: string; relays: string[]; hops: HopTuple[] }
export interface DecoyTruth { relay: string; kind: 'inbound-session' | 'outbound-session' | 'bulk-transfer'; conn: HopTuple }

export interface RelayResult {
  captures: Array<{ server: string; ip: string; packets: SimPacket[] }>;
  conns: Conn[]; // every connection summarised (for sensors and routers)
  victimHops: Array<{ org: string; conn: Conn; relay2: string }>;
  chains: ChainTruth[];
  decoys: DecoyTruth[];
}

export function buildRelays(rng: Rng, plans: RelayPlan[], serverIp: (id: string) => string, operatorIps: string[]): RelayResult {
  const byServer = new Map<string, SimPacket[]>();
  const add = (server: string, pkts: SimPacket[]) => byServer.set(server, [...(byServer.get(server) ?? []), ...pkts]);
  const res: RelayResult = { captures: [], conns: [], victimHops: [], chains: [], decoys: [] };
  plans.forEach((p, i) => {
    const r = rng.fork(`chain${i}`);
    const nodes = [r.pick(operatorIps), serverIp(p.relay1), serverIp(p.relay2), p.target];
    const latency = [r.range(0.025, 0.06), r.range(0.002, 0.05), r.range(0.004, 0.02)];
    const ch = new ChainSession(r, { latency, relayDelay: r.range(0.0003, 0.0015) }, 3, [36, 52, 36]);
    const opens: number[] = [p.ts];
    let t = ch.handshake(p.ts + 2 * latency[0] + 0.001, 0);
    t = ch.work(t + r.logNormal(2, 0.5), 1, r.int(2, 4));
    for (const depth of [1, 2]) {
      t = ch.typeCommand(t, depth, `ssh -p 22 admin@${nodes[depth + 1]}`, 60);
      opens.push(t);
      t = ch.handshake(t + 2 * latency[depth] + 0.001, depth);
      t = ch.work(t + r.logNormal(1.5, 0.4), depth + 1, depth === 1 ? r.int(1, 3) : r.int(8, 20));
    }
    const closes: number[] = [];
    for (const depth of [3, 2, 1]) {
      t = ch.typeCommand(t, depth, 'exit', 40);
      closes[depth - 1] = t + 0.01;
      t += 0.3;
    }
    const hops: HopTuple[] = [];
    for (let k = 0; k < 3; k++) {
      const spec: TcpConnSpec = { client: nodes[k], cport: r.int(40000, 65000), server: nodes[k + 1], sport: 22, open: opens[k], close: closes[k], latency: latency[k], segments: ch.hops[k], pathHops: r.int(6, 14) };
      const pkts = tcpPackets(r, spec);
      const conn = summarise(r, spec, pkts);
      res.conns.push(conn);
      hops.push({ src: spec.client, sport: spec.cport, dst: spec.server, dport: 22, proto: 'tcp', start: round6(opens[k]), end: round6(pkts[pkts.length - 1].arrive) });
      if (k < 2) add(k === 0 ? p.relay1 : p.relay1, k === 0 ? pkts : pkts);
      if (k >= 1) add(p.relay2, pkts);
      if (k === 2) res.victimHops.push({ org: p.org, conn, relay2: p.relay2 });
    }
    res.chains.push({ id: `chain-${i + 1}`, org: p.org, operator_ip: nodes[0], relays: [p.relay1, p.relay2], hops });
  });
  for (const [server, pkts] of byServer) {
    const lo = Math.min(...pkts.map((x) => x.send));
    const hi = Math.max(...pkts.map((x) => x.arrive));
    const r = rng.fork(`decoys-${server}`);
    for (const d of decoys(r, serverIp(server), lo, hi)) {
      const pk = tcpPackets(r, d.spec);
      pkts.push(...pk);
      res.conns.push(summarise(r, d.spec, pk));
      res.decoys.push({ relay: server, kind: d.kind, conn: { src: d.spec.client, sport: d.spec.cport, dst: d.spec.server, dport: d.spec.sport, proto: 'tcp', start: round6(d.spec.open), end: round6(pk[pk.length - 1].arrive) } });
    }
    res.captures.push({ server, ip: serverIp(server), packets: pkts });
  }
  res.captures.sort((a, b) => a.server.localeCompare(b.server));
  return res;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function decoys(r: Rng, relayIp: string, lo: number, hi: number): Array<{ kind: DecoyTruth['kind']; spec: TcpConnSpec }> {
  const out: Array<{ kind: DecoyTruth['kind']; spec: TcpConnSpec }> = [];
  for (let i = 0, n = r.int(2, 3); i < n; i++) {
    const start = r.range(lo - 600, hi);
    const lat = r.range(0.01, 0.05);
    const ch = new ChainSession(r, { latency: [lat], relayDelay: 0 }, 1, [36]);
    let t = ch.handshake(start + 2 * lat, 0);
    t = ch.work(t + 1, 1, r.int(4, 12));
    out.push({ kind: 'inbound-session', spec: { client: clientIp(r), cport: r.int(40000, 65000), server: relayIp, sport: 22, open: start, close: t + 0.2, latency: lat, segments: ch.hops[0], pathHops: r.int(8, 16) } });
  }
  for (let i = 0, n = r.int(1, 2); i < n; i++) {
    const start = r.range(lo - 300, hi - 60);
    const lat = r.range(0.01, 0.08);
    const ch = new ChainSession(r, { latency: [lat], relayDelay: 0 }, 1, [52]);
    let t = ch.handshake(start + 2 * lat, 0);
    for (let k = 0; k < r.int(20, 60); k++) { // a script: evenly spaced small requests
      const a = ch.up(t, 1);
      ch.down(a + 0.002, 1, r.int(60, 300));
      t += 1 + r.range(-0.02, 0.02);
    }
    out.push({ kind: 'outbound-session', spec: { client: relayIp, cport: r.int(40000, 65000), server: clientIp(r), sport: 22, open: start, close: t + 0.2, latency: lat, segments: ch.hops[0], pathHops: r.int(8, 16) } });
  }
  const start = r.range(lo, hi);
  const get = 'GET /pub/tools/pkg-2.4.1.tar.gz HTTP/1.1\r\nHost: update.os-vendor.example\r\nUser-Agent: Wget/1.17.1 (linux-gnu)\r\nAccept: */*\r\n\r\n';
  const segs: TcpConnSpec['segments'] = [{ fromClient: true, send: start + 0.02, len: get.length, text: get }];
  let t = start + 0.05;
  const body = r.int(800_000, 2_000_000);
  const head = `HTTP/1.1 200 OK\r\nServer: nginx/1.10.3\r\nContent-Type: application/gzip\r\nContent-Length: ${body}\r\n\r\n`;
  segs.push({ fromClient: false, send: t, len: head.length, text: head });
  t += 0.0008;
  for (let left = body; left > 0; left -= 1448) {
    segs.push({ fromClient: false, send: t, len: Math.min(1448, left) });
    t += r.range(0.0004, 0.0012);
  }
  out.push({ kind: 'bulk-transfer', spec: { client: relayIp, cport: r.int(40000, 65000), server: '198.19.48.10', sport: 80, open: start, close: t + 0.1, latency: 0.01, segments: segs, pathHops: 9 } });
  return out;
}

function summarise(r: Rng, spec: TcpConnSpec, pkts: SimPacket[]): Conn {
  let ob = 0, rb = 0, op = 0, rp = 0;
  for (const p of pkts) {
    if (p.fromClient) { ob += p.len; op++; } else { rb += p.len; rp++; }
  }
  const last = pkts[pkts.length - 1].arrive;
  return {
    ts: spec.open, uid: zeekUid(r), src: spec.client, sport: spec.cport, dst: spec.server, dport: spec.sport, proto: 'tcp',
    service: spec.sport === 22 ? 'ssh' : 'http', duration: last - spec.open, ob, rb, op, rp, state: 'SF', history: 'ShADadFf',
    localOrig: false, localResp: true,
  };
}
