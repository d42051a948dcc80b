// The campaign plan: which victims the group scans, exploits, implants (beacons), robs (exfil) and reaches
// through relays, when, and from which of its servers. Returns every attack event plus per-victim truth.
import { DAY } from './config.ts';
import { beacon, exfil, exploit, scan, type AttackEvent, type BeaconSpec, type ServerRef } from './activity.ts';
import type { AttackServer } from './leases.ts';
import type { VictimOrg } from './orgs.ts';
import type { Rng } from './random.ts';

export interface BeaconTruth {
  org: string; sensor: string; host: string; host_public: string; server: string; ip: string; domain: string;
  dport: number; period: number; jitter: number; start: number; end: number; connections: number;
}

export interface RelayPlan { org: string; target: string; dport: number; ts: number; relay1: string; relay2: string }

export interface CampaignPlan {
  events: AttackEvent[]; // sorted by time
  beacons: BeaconTruth[];
  relays: RelayPlan[];
  servers: ServerRef[];
}

const C2_DOMAINS = ['update-checker', 'news-jp-portal', 'cloud-sync-svc', 'mail-notice-center', 'office-cdn-cache', 'secure-docs-share', 'weather-widget-api', 'font-delivery'];

const active = (s: AttackServer, t: number) => s.start <= t && (s.end === null || t < s.end);

/** A time in [lo, hi) inside the operators' working hours (UTC+8, Monday–Friday, 09–18). */
export function operatorTime(r: Rng, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const t = r.range(lo, hi);
    const local = new Date((t + 8 * 3600) * 1000);
    const h = local.getUTCHours();
    const wd = local.getUTCDay();
    if (wd !== 0 && wd !== 6 && h >= 9 && h < 18) return t;
  }
  return r.range(lo, hi);
}

export function planCampaign(rng: Rng, orgs: VictimOrg[], servers: AttackServer[], t0: number, days: number): CampaignPlan {
  const t1 = t0 + days * DAY;
  const refs: ServerRef[] = servers.map((s, i) => ({
    id: s.id, ip: s.ip, provider: s.provider,
    domain: `${C2_DOMAINS[(i + rng.fork('domains').int(0, 7)) % C2_DOMAINS.length]}.example`,
  }));
  const ref = (id: string) => refs.find((x) => x.id === id)!;
  const activeAt = (t: number) => servers.filter((s) => active(s, t));
  const c2At = (t: number) => activeAt(t).sort((a, b) => b.start - a.start)[0];
  const events: AttackEvent[] = [];
  const beacons: BeaconTruth[] = [];
  const order = rng.fork('targets').shuffle(orgs.map((_, i) => i));
  const nScan = Math.round(orgs.length * 0.65);
  const nExploit = Math.max(2, Math.round(orgs.length * 0.22));
  const exploited = new Set([0, ...order.filter((i) => i !== 0).slice(0, nExploit - 1)]);
  const scanned = new Set([...exploited, ...order.slice(0, nScan)]);

  for (const oi of [...scanned].sort((a, b) => a - b)) {
    const org = orgs[oi];
    const r = rng.fork(`victim-${org.id}`);
    for (let k = 0, n = r.int(1, 2); k < n; k++) {
      const t = operatorTime(r, t0, t1 - DAY);
      const s = activeAt(t);
      if (s.length) events.push(...scan(r, org, ref(r.pick(s).id), t));
    }
    if (!exploited.has(oi)) continue;
    const te = operatorTime(r, t0 + 0.05 * days * DAY, t1 - 0.3 * days * DAY);
    const se = activeAt(te);
    if (!se.length) continue;
    events.push(...exploit(r, org, ref(r.pick(se).id), te));
    if (oi !== 0 && !r.chance(0.7)) continue;
    const sensor = r.pick(org.sensors);
    const host = r.pick(sensor.hosts);
    const period = r.pick([300, 600, 900, 1800, 3600]);
    const jitter = r.range(0.03, 0.25);
    const dport = r.chance(0.6) ? 443 : r.pick([80, 8080]);
    let t = te + r.range(600, 7200);
    while (t < t1) {
      const c2 = c2At(t);
      if (!c2) { t += 3600; continue; }
      const end = Math.min(t1, c2.end ?? t1);
      const spec: BeaconSpec = { host, sensor: sensor.id, server: ref(c2.id), dport, period, jitter, start: t, end };
      const evs = beacon(r, org, spec);
      events.push(...evs);
      const conns = evs.filter((e) => e.conn.dport === dport);
      beacons.push({
        org: org.id, sensor: sensor.id, host, host_public: conns[0]?.pub.src ?? host, server: c2.id, ip: c2.ip, domain: spec.server.domain,
        dport, period, jitter, start: t, end: conns.length ? conns[conns.length - 1].conn.ts : t, connections: conns.length,
      });
      t = end + 1;
    }
    if (oi !== 0 && r.chance(0.45)) {
      const tx = nightTime(r, te + DAY, t1 - 3600);
      const c2 = c2At(tx);
      if (c2) events.push(...exfil(r, org, host, sensor.id, ref(c2.id), tx));
    }
  }
  const relays = planRelays(rng.fork('relays'), orgs, [...exploited], servers, t0, t1);
  events.sort((a, b) => a.conn.ts - b.conn.ts);
  return { events, beacons, relays, servers: refs };
}

function nightTime(r: Rng, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const t = r.range(lo, hi);
    const h = new Date((t + 9 * 3600) * 1000).getUTCHours();
    if (h >= 1 && h < 5) return t;
  }
  return r.range(lo, hi);
}

function planRelays(r: Rng, orgs: VictimOrg[], exploited: number[], servers: AttackServer[], t0: number, t1: number): RelayPlan[] {
  const pairs: Array<[AttackServer, AttackServer, number, number]> = [];
  for (const a of servers) for (const b of servers) {
    if (a === b) continue;
    const lo = Math.max(a.start, b.start, t0);
    const hi = Math.min(a.end ?? t1, b.end ?? t1, t1);
    if (hi - lo > Math.min(DAY, (t1 - t0) * 0.15)) pairs.push([a, b, lo, hi]); // short windows still get relayed sessions
  }
  if (pairs.length === 0) return [];
  const out: RelayPlan[] = [];
  const targets = r.sample(exploited, Math.min(exploited.length, r.int(3, 4)));
  for (const oi of targets) {
    const [a, b, lo, hi] = r.pick(pairs);
    out.push({ org: orgs[oi].id, target: orgs[oi].servers[0], dport: 22, ts: operatorTime(r, lo, hi - 3600), relay1: a.id, relay2: b.id });
  }
  return out.sort((x, y) => x.ts - y.ts);
}
