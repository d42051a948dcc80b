// The group's network activity at one victim: scans, exploitation, jittered C2 beacons, exfiltration.
// Each function returns events with the sensor's view (`conn`) and the public view routers see (`pub`).
import { V4, ipText } from './addresses.ts';
import { certFp } from './benign.ts';
import { completed, ephemeralPort, probe, type Conn } from './conn.ts';
import { publicAddressOf, type VictimOrg } from './orgs.ts';
import type { Rng } from './random.ts';

export type ActivityKind = 'scan' | 'exploit' | 'beacon' | 'exfil' | 'relay';

export interface AttackEvent { kind: ActivityKind; org: string; sensor: string; server: string; conn: Conn; pub: Conn }

export interface ServerRef { id: string; ip: string; domain: string; provider: string }

const SCAN_PORTS = [21, 22, 80, 443, 445, 1433, 3389, 8080, 8443];

function publicView(r: Rng, org: VictimOrg, c: Conn): Conn {
  const src = publicAddressOf(org, c.src);
  if (src === c.src) return c;
  return { ...c, src, sport: ephemeralPort(r), localOrig: false };
}

export function scan(r: Rng, org: VictimOrg, server: ServerRef, start: number): AttackEvent[] {
  const [base, bits] = org.publicCidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const n = r.int(15, 40);
  const out: AttackEvent[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    t += r.exp(8);
    const onServer = r.chance(0.3);
    const dst = onServer ? r.pick(org.servers) : ipText(V4(base) + r.int(1, size - 2));
    const dport = r.pick(SCAN_PORTS);
    const open = org.servers.includes(dst) && (dport === 443 || dport === 80);
    const conn = open
      ? completed(r, { ts: t, src: server.ip, sport: ephemeralPort(r), dst, dport, proto: 'tcp', service: dport === 443 ? 'ssl' : 'http', localOrig: false, localResp: true },
        { ob: r.int(60, 400), rb: r.int(200, 3000), duration: r.range(0.05, 0.8) })
      : probe(r, { ts: t, src: server.ip, sport: ephemeralPort(r), dst, dport, proto: 'tcp', localOrig: false, localResp: true }, org.servers.includes(dst));
    out.push({ kind: 'scan', org: org.id, sensor: org.sensors[0].id, server: server.id, conn, pub: conn });
  }
  return out;
}

export function exploit(r: Rng, org: VictimOrg, server: ServerRef, start: number): AttackEvent[] {
  const target = r.chance(0.6) ? org.servers[0] : org.servers[2];
  const out: AttackEvent[] = [];
  let t = start;
  for (let i = 0, n = r.int(3, 8); i < n; i++) {
    t += r.exp(90);
    const conn = completed(r, { ts: t, src: server.ip, sport: ephemeralPort(r), dst: target, dport: 443, proto: 'tcp', service: 'ssl', localOrig: false, localResp: true },
      { ob: Math.round(r.logNormal(12000, 1)), rb: Math.round(r.logNormal(4000, 0.8)), duration: r.logNormal(4, 0.8) });
    conn.tls = { sni: null, version: 'TLSv12', cipher: 'TLS_RSA_WITH_AES_128_CBC_SHA', certFp: certFp(`${org.id}-vpn`), established: true };
    out.push({ kind: 'exploit', org: org.id, sensor: org.sensors[0].id, server: server.id, conn, pub: conn });
  }
  return out;
}

export interface BeaconSpec { host: string; sensor: string; server: ServerRef; dport: number; period: number; jitter: number; start: number; end: number }

export function beacon(r: Rng, org: VictimOrg, b: BeaconSpec): AttackEvent[] {
  const out: AttackEvent[] = [];
  const ob = r.int(180, 700);
  const rb = r.int(90, 400);
  const tls = b.dport === 443;
  let t = b.start;
  let sinceLookup = 99;
  while (t < b.end) {
    if (sinceLookup >= 12) {
      const d = completed(r, { ts: t - r.range(0.01, 0.1), src: b.host, sport: ephemeralPort(r), dst: '198.19.53.53', dport: 53, proto: 'udp', service: 'dns', localOrig: true, localResp: false },
        { ob: 30 + b.server.domain.length, rb: 62 + b.server.domain.length, duration: r.range(0.005, 0.05) });
      d.dns = { query: b.server.domain, qtype: 'A', answers: [b.server.ip], ttl: 300, rcode: 'NOERROR' };
      out.push({ kind: 'beacon', org: org.id, sensor: b.sensor, server: b.server.id, conn: d, pub: publicView(r, org, d) });
      sinceLookup = 0;
    }
    sinceLookup++;
    const conn = completed(r, { ts: t, src: b.host, sport: ephemeralPort(r), dst: b.server.ip, dport: b.dport, proto: 'tcp', service: tls ? 'ssl' : 'http', localOrig: true, localResp: false },
      { ob: ob + r.int(-8, 8), rb: rb + r.int(-6, 6), duration: r.range(0.2, 1.5) });
    if (tls) conn.tls = { sni: b.server.domain, version: 'TLSv12', cipher: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', certFp: certFp(`c2-${b.server.id}`), established: true };
    out.push({ kind: 'beacon', org: org.id, sensor: b.sensor, server: b.server.id, conn, pub: publicView(r, org, conn) });
    t += b.period * (1 + r.range(-b.jitter, b.jitter));
  }
  return out;
}

export function exfil(r: Rng, org: VictimOrg, host: string, sensor: string, server: ServerRef, start: number): AttackEvent[] {
  const out: AttackEvent[] = [];
  let t = start;
  for (let i = 0, n = r.int(1, 3); i < n; i++) {
    const conn = completed(r, { ts: t, src: host, sport: ephemeralPort(r), dst: server.ip, dport: 443, proto: 'tcp', service: 'ssl', localOrig: true, localResp: false },
      { ob: Math.round(r.logNormal(90e6, 0.8)), rb: r.int(20000, 90000), duration: r.range(120, 1800) });
    conn.tls = { sni: server.domain, version: 'TLSv12', cipher: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', certFp: certFp(`c2-${server.id}`), established: true };
    out.push({ kind: 'exfil', org: org.id, sensor, server: server.id, conn, pub: publicView(r, org, conn) });
    t += (conn.duration ?? 0) + r.range(60, 900);
  }
  return out;
}
