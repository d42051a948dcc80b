// The simulated world before anything is written: victims, internet, the group's people, accounts, servers,
// its campaign plan and relay sessions. Pure function of the options (seeded).
import type { AttackEvent } from './activity.ts';
import { planCampaign, type CampaignPlan } from './campaign.ts';
import { campaignEpoch, DAY, type SimOptions } from './config.ts';
import { buildIdentities, type AccountRec, type PersonTruth } from './identities.ts';
import { buildScanners, buildServices, providerHost, type Scanner, type Service } from './internet.ts';
import { buildRentals, type Rentals } from './leases.ts';
import { buildOrgs, type VictimOrg } from './orgs.ts';
import { Rng } from './random.ts';
import { buildRelays, type RelayResult } from './relays.ts';

export const HOSTING = ['hanami', 'kumo', 'pacific', 'harbour'];

export interface World {
  rng: Rng; t0: number; t1: number;
  orgs: VictimOrg[]; services: Service[]; scanners: Scanner[];
  operatorIps: string[]; accounts: AccountRec[]; persons: PersonTruth[];
  rentals: Rentals; plan: CampaignPlan; relays: RelayResult;
  events: AttackEvent[]; // every attack event incl. the relayed sessions' last hop, by time
}

export function buildWorld(opts: SimOptions): World {
  const rng = new Rng(opts.seed, 'hoptrace-sim');
  const t0 = campaignEpoch(opts.seed);
  const orgs = buildOrgs(rng.fork('orgs'), opts.victims);
  const wr = rng.fork('world');
  const operatorIps = [providerHost('origin-isp', wr.int(10, 40)), providerHost('origin-isp', wr.int(41, 80))];
  const p1Origin = providerHost('origin-isp', wr.int(81, 120));
  const p1Providers = wr.shuffle([...HOSTING]);
  const p2Providers = wr.chance(0.5) ? [wr.pick(['hanami', 'kumo'])] : ['hanami', 'kumo'];
  const ids = buildIdentities(rng.fork('identities'), p1Providers, p2Providers, p1Origin);
  const rentals = buildRentals(rng.fork('rentals'), ids.accounts.filter((a) => a.kind === 'renter'), t0, opts.days, operatorIps,
    ids.accounts.filter((a) => a.kind === 'decoy'));
  const plan = planCampaign(rng.fork('campaign'), orgs, rentals.servers, t0, opts.days);
  const serverIp = (id: string) => rentals.servers.find((s) => s.id === id)!.ip;
  const relays = buildRelays(rng.fork('relays'), plan.relays, serverIp, operatorIps);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const events: AttackEvent[] = [...plan.events];
  for (const h of relays.victimHops) {
    events.push({ kind: 'relay', org: h.org, sensor: orgById.get(h.org)!.sensors[0].id, server: h.relay2, conn: h.conn, pub: h.conn });
  }
  events.sort((a, b) => a.conn.ts - b.conn.ts);
  return {
    rng, t0, t1: t0 + opts.days * DAY, orgs, services: buildServices(rng.fork('services')), scanners: buildScanners(),
    operatorIps, accounts: ids.accounts, persons: ids.persons, rentals, plan, relays, events,
  };
}
