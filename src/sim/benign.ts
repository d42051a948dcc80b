// Benign traffic of one sensor for one day: popular services, CDNs, update checks (periodic, a hard negative
// for beacon detection), DNS, partners, inbound customers, small websites on rented servers, and the
// internet-wide research scanners that touch every victim (a hard negative for "contacted many victims").
import { DAY } from './config.ts';
import { completed, ephemeralPort, probe, type Conn } from './conn.ts';
import { V4, ipText } from './addresses.ts';
import { clientIp, type Scanner, type Service } from './internet.ts';
import { hostV6, publicAddressOf, type SensorRec, type VictimOrg } from './orgs.ts';
import { cumulative, type Rng } from './random.ts';

export interface SmallSite { ip: string; domain: string; start: number; end: number | null; provider: string }

export interface BenignContext {
  services: Service[]; serviceWeights: number[]; scanners: Scanner[]; orgs: VictimOrg[]; smallSites: SmallSite[]; // serviceWeights: cumulative
  rate: number; // benign connections per victim per day
}

const HOUR_WEIGHTS = [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.8, 1.5, 2.2, 2.4, 2.3, 1.8, 2.3, 2.4, 2.3, 2.1, 1.7, 1.2, 0.9, 0.7, 0.5, 0.35, 0.25];
const HOURS = HOUR_WEIGHTS.map((_, i) => i);
const HOUR_CUM = cumulative(HOUR_WEIGHTS);

/** Benign conns (unsorted) of `sensor` on the day starting at `dayStart` (UTC midnight). */
export function benignDay(r: Rng, ctx: BenignContext, org: VictimOrg, sensor: SensorRec, sensorIdx: number, dayStart: number): Conn[] {
  const out: Conn[] = [];
  const weekday = new Date((dayStart + org.tzOffsetH * 3600) * 1000).getUTCDay();
  const dayFactor = weekday === 0 || weekday === 6 ? 0.35 : 1;
  const share = org.sensors.length > 1 ? sensor.hosts.length / org.sensors.reduce((n, s) => n + s.hosts.length, 0) : 1;
  const n = r.poisson(ctx.rate * org.size * share * dayFactor);
  const at = () => {
    const localHour = r.pickCumulative(HOURS, HOUR_CUM);
    return dayStart + ((((localHour - org.tzOffsetH) % 24) + 24) % 24) * 3600 + r.next() * 3600;
  };
  for (let i = 0; i < n; i++) {
    const ts = at();
    const x = r.next();
    if (x < 0.78) outbound(r, ctx, org, sensor, ts, out);
    else if (x < 0.84) partner(r, ctx, org, sensor, ts, out);
    else if (x < 0.86) smallSite(r, ctx, org, sensor, ts, out);
    else if (sensorIdx === 0) inbound(r, org, ts, out);
    else outbound(r, ctx, org, sensor, ts, out);
  }
  if (sensorIdx === 0) {
    updateAgent(r, ctx, org, sensor, dayStart, out);
    for (const sc of ctx.scanners) scannerProbes(r, sc, org, dayStart, out);
  }
  return out;
}

function lookup(r: Rng, org: VictimOrg, host: string, ts: number, query: string, answers: string[], out: Conn[], qtype: 'A' | 'AAAA' = 'A'): void {
  const c = completed(r, { ts: ts - r.range(0.01, 0.2), src: host, sport: ephemeralPort(r), dst: r.chance(0.8) ? '198.19.53.53' : '198.19.53.54', dport: 53, proto: 'udp', service: 'dns', localOrig: true, localResp: false },
    { ob: 30 + query.length, rb: 46 + query.length + answers.length * 16, duration: r.range(0.002, 0.06) });
  c.dns = { query, qtype, answers, ttl: r.pick([60, 300, 3600]), rcode: 'NOERROR' };
  out.push(c);
  void org;
}

function outbound(r: Rng, ctx: BenignContext, org: VictimOrg, sensor: SensorRec, ts: number, out: Conn[]): void {
  const svc = r.pickCumulative(ctx.services, ctx.serviceWeights);
  let host = r.pick(sensor.hosts);
  let dst = r.pick(svc.ips);
  const v6 = svc.ip6 && org.v6Cidr && r.chance(0.3) ? hostV6(org, host) : null;
  if (v6 && svc.ip6) { host = v6; dst = svc.ip6; }
  if (r.chance(0.35)) lookup(r, org, host.includes(':') ? r.pick(sensor.hosts) : host, ts, svc.domain, v6 ? [svc.ip6!] : svc.ips, out, v6 ? 'AAAA' : 'A');
  const heavy = svc.kind === 'cdn' || svc.name === 'video' || svc.name === 'stream';
  const rb = Math.round(heavy ? r.logNormal(180000, 1.6) : r.logNormal(25000, 1.3));
  const c = completed(r, { ts, src: host, sport: ephemeralPort(r), dst, dport: svc.port, proto: svc.proto, service: svc.service, localOrig: true, localResp: false },
    { ob: Math.round(r.logNormal(1800, 0.9)), rb, duration: Math.max(0.01, r.logNormal(3, 1.4)) });
  if (svc.tls) c.tls = { sni: svc.domain, version: r.chance(0.7) ? 'TLSv12' : 'TLSv13', cipher: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', certFp: certFp(svc.domain), established: true };
  out.push(c);
}

function partner(r: Rng, ctx: BenignContext, org: VictimOrg, sensor: SensorRec, ts: number, out: Conn[]): void {
  const other = ctx.orgs[(org.index + 1 + r.int(0, Math.min(12, ctx.orgs.length - 2))) % ctx.orgs.length];
  if (other === org) return;
  const host = r.pick(sensor.hosts);
  const dst = other.servers[0];
  const c = completed(r, { ts, src: host, sport: ephemeralPort(r), dst, dport: 443, proto: 'tcp', service: 'ssl', localOrig: true, localResp: false },
    { ob: Math.round(r.logNormal(2500, 0.8)), rb: Math.round(r.logNormal(40000, 1.2)), duration: r.logNormal(2, 1) });
  c.tls = { sni: `www.${other.id}.example`, version: 'TLSv12', cipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', certFp: certFp(other.id), established: true };
  out.push(c);
}

function smallSite(r: Rng, ctx: BenignContext, org: VictimOrg, sensor: SensorRec, ts: number, out: Conn[]): void {
  const live = ctx.smallSites.filter((s) => s.start <= ts && (s.end === null || ts < s.end));
  if (live.length === 0 || !r.chance(0.5)) return;
  const site = r.pick(live);
  const host = r.pick(sensor.hosts);
  lookup(r, org, host, ts, site.domain, [site.ip], out);
  const c = completed(r, { ts, src: host, sport: ephemeralPort(r), dst: site.ip, dport: 443, proto: 'tcp', service: 'ssl', localOrig: true, localResp: false },
    { ob: Math.round(r.logNormal(1500, 0.6)), rb: Math.round(r.logNormal(60000, 1)), duration: r.logNormal(1.5, 0.8) });
  c.tls = { sni: site.domain, version: 'TLSv12', cipher: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', certFp: certFp(site.domain), established: true };
  out.push(c);
  void publicAddressOf;
}

function inbound(r: Rng, org: VictimOrg, ts: number, out: Conn[]): void {
  const mail = r.chance(0.25);
  const c = completed(r, { ts, src: clientIp(r), sport: ephemeralPort(r), dst: mail ? org.servers[1] : org.servers[0], dport: mail ? 25 : 443, proto: 'tcp', service: mail ? 'smtp' : 'ssl', localOrig: false, localResp: true },
    { ob: Math.round(r.logNormal(mail ? 30000 : 900, 1)), rb: Math.round(r.logNormal(mail ? 600 : 30000, 1)), duration: r.logNormal(1.2, 1) });
  if (!mail) c.tls = { sni: `www.${org.id}.example`, version: 'TLSv12', cipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', certFp: certFp(org.id), established: true };
  out.push(c);
}

/** One host per org runs an update agent polling every 2–4 hours with small jitter. */
function updateAgent(r: Rng, ctx: BenignContext, org: VictimOrg, sensor: SensorRec, dayStart: number, out: Conn[]): void {
  const seed = V4(sensor.hosts[0]) % 1000;
  const period = 7200 + (seed % 3) * 3600;
  const svc = ctx.services.filter((s) => s.kind === 'update')[seed % 4];
  for (let t = dayStart + (seed * 37) % period; t < dayStart + DAY; t += period) {
    const c = completed(r, { ts: t + r.normal(0, 20), src: sensor.hosts[0], sport: ephemeralPort(r), dst: svc.ips[0], dport: svc.port, proto: 'tcp', service: svc.service, localOrig: true, localResp: false },
      { ob: 420 + r.int(0, 30), rb: 1200 + r.int(0, 200), duration: r.range(0.1, 0.6) });
    if (svc.tls) c.tls = { sni: svc.domain, version: 'TLSv12', cipher: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', certFp: certFp(svc.domain), established: true };
    out.push(c);
  }
}

function scannerProbes(r: Rng, sc: Scanner, org: VictimOrg, dayStart: number, out: Conn[]): void {
  const [base, bits] = org.publicCidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const n = r.poisson(sc.perVictimPerDay);
  for (let i = 0; i < n; i++) {
    const dst = ipText(V4(base) + r.int(1, size - 2));
    const served = org.servers.includes(dst);
    out.push(probe(r, { ts: dayStart + r.next() * DAY, src: sc.ip, sport: r.int(30000, 61000), dst, dport: r.pick(sc.ports), proto: 'tcp', localOrig: false, localResp: true }, served));
  }
}

const fpMemo = new Map<string, string>();

export function certFp(name: string): string {
  let v = fpMemo.get(name);
  if (v === undefined) {
    v = computeFp(name);
    fpMemo.set(name, v);
  }
  return v;
}

function computeFp(name: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let k = 0; k < 8; k++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i) ^ k, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
