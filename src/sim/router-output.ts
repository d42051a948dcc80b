// Border-router exports (nfdump CSV) of each hosting provider: the group's traffic to and from its servers,
// relay hops, victims visiting honest customers' sites, and honest customers' own background traffic.
import { zoneOffsetMinutes } from '../core/time.ts';
import { cidrContains, parseCidr, parseIp } from '../core/ip.ts';
import { DAY } from './config.ts';
import { completed, ephemeralPort, byTime, type Conn } from './conn.ts';
import { PROVIDERS, clientIp, provider } from './internet.ts';
import type { LeaseRec } from './leases.ts';
import type { ManifestEntry } from './manifest.ts';
import { NfdumpWriter, type RouterInfo } from './nfdump-writer.ts';
import type { Rng } from './random.ts';

const CIDRS = PROVIDERS.flatMap((p) => p.cidrs.map((c) => ({ asn: p.asn, key: p.key, cidr: parseCidr(c)! })));

const memo = new Map<string, { asn: number; key: string } | null>();

export function providerOf(ip: string): { asn: number; key: string } | null {
  let v = memo.get(ip);
  if (v === undefined) {
    v = lookupProvider(ip);
    if (memo.size > 200000) memo.clear();
    memo.set(ip, v);
  }
  return v;
}

/** Cheap test for the hosting providers' blocks (203.0.113.0/24, 198.51.100.0/24). */
export function inHostingSpace(ip: string): boolean {
  return ip.startsWith('203.0.113.') || ip.startsWith('198.51.100.');
}

function lookupProvider(ip: string): { asn: number; key: string } | null {
  const p = parseIp(ip);
  if (!p) return null;
  let best: (typeof CIDRS)[number] | null = null;
  for (const c of CIDRS) if (cidrContains(c.cidr, p) && (!best || c.cidr.bits > best.cidr.bits)) best = c;
  return best ? { asn: best.asn, key: best.key } : null;
}

function routerInfo(key: string): RouterInfo {
  const p = provider(key);
  const cache = new Map<number, number>();
  const [base] = p.cidrs[0].split('/');
  const parts = base.split('.').map(Number);
  return {
    ip: `${parts[0]}.${parts[1]}.${parts[2]}.${parts[3] + 1}`, asn: p.asn,
    tzOffsetMin: (ms) => {
      const h = Math.floor(ms / 3600000);
      let v = cache.get(h);
      if (v === undefined) { v = zoneOffsetMinutes(p.tz, h * 3600000); cache.set(h, v); }
      return v;
    },
    inside: (ip) => providerOf(ip)?.key === key,
    asnOf: (ip) => providerOf(ip)?.asn ?? 0,
  };
}

export function writeRouters(rng: Rng, outDir: string, conns: Conn[], leases: LeaseRec[], t0: number, days: number):
{ files: ManifestEntry[]; flows: number } {
  const files: ManifestEntry[] = [];
  let flows = 0;
  for (const p of PROVIDERS.filter((x) => x.hosting)) {
    const info = routerInfo(p.key);
    const mine = conns.filter((c) => info.inside(c.src) || info.inside(c.dst));
    const r = rng.fork(`router-${p.key}`);
    for (const l of leases.filter((x) => x.provider === p.key && x.attackerServer === null)) {
      const lo = Math.max(l.start, t0);
      const hi = Math.min(l.end ?? t0 + days * DAY, t0 + days * DAY);
      for (let t = lo + r.exp(DAY / 6); t < hi; t += r.exp(DAY / 6)) {
        mine.push(completed(r, { ts: t, src: clientIp(r), sport: ephemeralPort(r), dst: l.ip, dport: r.pick([80, 443, 443, 22]), proto: 'tcp', service: null, localOrig: false, localResp: true },
          { ob: Math.round(r.logNormal(1200, 1)), rb: Math.round(r.logNormal(30000, 1.3)), duration: r.logNormal(2, 1) }));
      }
    }
    mine.sort(byTime);
    const path = `netflow/${p.key}-border.csv`;
    const w = new NfdumpWriter(`${outDir}/${path}`, info);
    for (const c of mine) if (c.ts >= t0 && c.ts < t0 + days * DAY) w.write(c);
    const bytes = w.close();
    flows += w.flows;
    files.push({ path, format: 'nfdump', provider: p.name, tz: p.tz, rows: w.flows, bytes, note: `nfdump -o csv of ${p.name} border router ${info.ip}; times in ${p.tz}` });
  }
  return { files, flows };
}
