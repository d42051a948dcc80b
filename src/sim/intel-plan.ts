// Which of the group's addresses and domains the prior intelligence knows (right, stale, expired or wrong),
// and which victims' SOCs report sightings of what.
import { stixId } from '../core/ids.ts';
import { DAY } from './config.ts';
import type { BeaconTruth } from './campaign.ts';
import type { AttackServer, LeaseRec } from './leases.ts';
import type { ServerRef } from './activity.ts';
import type { Rng } from './random.ts';
import { SOFTWARE, TECHNIQUES, sdoId, type IndicatorPlan, type SightingPlan } from './stix.ts';
import type { VictimOrg } from './orgs.ts';
import { providerHost } from './internet.ts';

export function planIndicators(r: Rng, servers: AttackServer[], refs: ServerRef[], reLeases: LeaseRec[], t0: number): IndicatorPlan[] {
  const out: IndicatorPlan[] = [];
  const known = r.sample(servers, Math.min(2, servers.length));
  for (const s of known) {
    const relet = reLeases.find((l) => l.ip === s.ip);
    const from = s.start + Math.round(r.range(1, 4) * DAY);
    const until = relet ? relet.start + Math.round(r.range(10, 40) * DAY) : (s.end ?? t0 + 90 * DAY) + 10 * DAY;
    out.push({ key: `ind-${s.ip}`, type: 'ipv4', value: s.ip, from, until, verdict: relet ? 'stale' : 'correct',
      note: relet ? `valid_until runs past the lease end into an honest customer's lease (${s.id})` : `group server ${s.id}` });
  }
  const dom = refs[r.int(0, refs.length - 1)];
  out.push({ key: `ind-${dom.domain}`, type: 'domain', value: dom.domain, from: t0 - 5 * DAY, until: null, verdict: 'correct', note: `C2 domain of ${dom.id}` });
  const oldIp = providerHost('hanami', 124);
  out.push({ key: `ind-${oldIp}`, type: 'ipv4', value: oldIp, from: t0 - 400 * DAY, until: t0 - 200 * DAY, verdict: 'expired', note: 'earlier campaign server; expired before the window' });
  out.push({ key: 'ind-198.19.0.37', type: 'ipv4', value: '198.19.0.37', from: t0 - 30 * DAY, until: null, verdict: 'wrong', note: 'a CDN edge address mislabelled as C2' });
  out.push({ key: 'ind-198.19.60.10', type: 'ipv4', value: '198.19.60.10', from: t0 - 60 * DAY, until: null, verdict: 'wrong', note: 'a research scanner mislabelled as group infrastructure' });
  out.push({ key: 'ind-update.av-vendor.example', type: 'domain', value: 'update.av-vendor.example', from: t0 - 20 * DAY, until: null, verdict: 'wrong', note: 'legitimate update domain' });
  return out;
}

export function planSightings(r: Rng, orgs: VictimOrg[], beacons: BeaconTruth[], exploitedOrgs: string[], indicators: IndicatorPlan[], t0: number, days: number): SightingPlan[] {
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  const out: SightingPlan[] = [];
  const daserf = sdoId(SOFTWARE[0]);
  const t1190 = sdoId(TECHNIQUES[1]);
  for (const b of beacons) {
    if (!r.chance(0.5)) continue;
    out.push({ org: b.org, orgName: name.get(b.org)!, of: daserf, first: b.start, last: b.end, count: r.int(1, 5) });
    const ind = indicators.find((i) => i.value === b.ip && i.verdict !== 'wrong');
    if (ind) out.push({ org: b.org, orgName: name.get(b.org)!, of: stixId('indicator', ind.key), first: b.start, last: b.end, count: b.connections });
  }
  for (const org of exploitedOrgs) {
    if (r.chance(0.4)) {
      const t = t0 + r.range(0.1, 0.9) * days * DAY;
      out.push({ org, orgName: name.get(org)!, of: t1190, first: t, last: t + 3600, count: 1 });
    }
  }
  const mimikatz = sdoId(SOFTWARE.find((s) => s.key === 'mimikatz')!);
  for (const o of r.sample(orgs, Math.min(5, orgs.length))) {
    const t = t0 + r.range(0, 0.9) * days * DAY;
    out.push({ org: o.id, orgName: o.name, of: mimikatz, first: t, last: t + 7200, count: r.int(1, 3) });
  }
  return out;
}
