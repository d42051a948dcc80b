// The simulator: builds a world from the seed and writes every real-format file, ground-truth.json and
// manifest.json into the output directory. Deterministic: same options → byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { campaignEpoch, DAY, type SimOptions } from './config.ts';
import type { AttackEvent } from './activity.ts';
import { planCampaign } from './campaign.ts';
import type { Conn } from './conn.ts';
import { writeDirectory } from './directory.ts';
import type { GroundTruth } from './ground-truth.ts';
import { victimTruth } from './ground-truth.ts';
import { buildIdentities } from './identities.ts';
import { planIndicators, planSightings } from './intel-plan.ts';
import { buildScanners, buildServices, provider, providerHost, PROVIDERS } from './internet.ts';
import { buildRentals } from './leases.ts';
import type { Manifest, ManifestEntry } from './manifest.ts';
import { buildOrgs } from './orgs.ts';
import { writeRelayCaptures } from './pcap-output.ts';
import { writeProviderExports } from './provider-export.ts';
import { cumulative, Rng } from './random.ts';
import { buildRelays } from './relays.ts';
import { inHostingSpace, writeRouters } from './router-output.ts';
import { writeSensors } from './sensor-output.ts';
import { ACTORS, priorIntelBundle, sightingsBundle } from './stix.ts';
import type { SmallSite } from './benign.ts';

export interface SimResult { manifest: Manifest; truth: GroundTruth; flows: number; zeekRows: { conn: number; dns: number; ssl: number }; nfdumpRecords: number; packets: number }

export function simulate(opts: SimOptions): SimResult {
  const { seed, days, out } = opts;
  mkdirSync(out, { recursive: true });
  const rng = new Rng(seed, 'hoptrace-sim');
  const t0 = campaignEpoch(seed);
  const t1 = t0 + days * DAY;
  const orgs = buildOrgs(rng.fork('orgs'), opts.victims);
  const services = buildServices(rng.fork('services'));
  const scanners = buildScanners();
  const wr = rng.fork('world');
  const operatorIps = [providerHost('origin-isp', wr.int(10, 40)), providerHost('origin-isp', wr.int(41, 80))];
  const p1Origin = providerHost('origin-isp', wr.int(81, 120));
  const hosting = ['hanami', 'kumo', 'pacific', 'harbour'];
  const p1Providers = wr.shuffle([...hosting]);
  const p2Providers = wr.chance(0.5) ? [wr.pick(['hanami', 'kumo'])] : ['hanami', 'kumo'];
  const ids = buildIdentities(rng.fork('identities'), p1Providers, p2Providers, p1Origin);
  const renters = ids.accounts.filter((a) => a.kind === 'renter');
  const rentals = buildRentals(rng.fork('rentals'), renters, t0, days, operatorIps);
  const plan = planCampaign(rng.fork('campaign'), orgs, rentals.servers, t0, days);
  const serverIp = (id: string) => rentals.servers.find((s) => s.id === id)!.ip;
  const relays = buildRelays(rng.fork('relays'), plan.relays, serverIp, operatorIps);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const events: AttackEvent[] = [...plan.events];
  for (const h of relays.victimHops) {
    const org = orgById.get(h.org)!;
    events.push({ kind: 'relay', org: h.org, sensor: org.sensors[0].id, server: h.relay2, conn: h.conn, pub: h.conn });
  }
  events.sort((a, b) => a.conn.ts - b.conn.ts);

  const files: ManifestEntry[] = writeDirectory(out, orgs);
  const smallSites: SmallSite[] = rentals.reLeases.map((l, i) => ({ ip: l.ip, domain: `shop${i + 1}.small-biz.example`, start: l.start, end: l.end, provider: l.provider }));
  const routerConns: Conn[] = [];
  const weights = cumulative(services.map((s) => s.weight));
  const sensors = writeSensors(rng.fork('sensors'), out, orgs, { services, serviceWeights: weights, scanners, orgs, smallSites, rate: opts.backgroundRate },
    events, t0, days, (c) => { if (inHostingSpace(c.dst)) routerConns.push(c); });
  files.push(...sensors.files);
  for (const e of events) if (e.conn.service !== 'dns') routerConns.push(e.pub);
  routerConns.push(...relays.conns.filter((c) => !relays.victimHops.some((h) => h.conn === c)));
  const routers = writeRouters(rng.fork('routers'), out, routerConns, rentals.leases, t0, days);
  files.push(...routers.files);
  const pcaps = writeRelayCaptures(rng.fork('pcap'), out, relays.captures);
  files.push(...pcaps.files);

  for (const pk of hosting) {
    const accts = [...ids.accounts, ...rentals.honestAccounts].filter((a) => a.provider === pk);
    const ex = writeProviderExports(`${out}/providers`, pk, accts, rentals.leases.filter((l) => l.provider === pk), rentals.logins.filter((l) => l.provider === pk));
    const p = provider(pk);
    for (const e of ex) files.push({ path: e.path.slice(out.length + 1), format: e.table, provider: p.name, tz: e.tz, ...(e.map ? { map: e.map } : {}), rows: e.rows });
  }

  const indicators = planIndicators(rng.fork('indicators'), rentals.servers, plan.servers, rentals.reLeases, t0);
  const created = t0 - 30 * DAY;
  writeJson(`${out}/stix/prior-intel.json`, priorIntelBundle(rng.fork('stix'), opts.intel, indicators, created));
  files.push({ path: 'stix/prior-intel.json', format: 'stix', note: `partial prior intelligence (${opts.intel})` });
  const truthVictims = victimTruth(events, new Map(orgs.map((o) => [o.id, o.name])));
  const exploited = truthVictims.filter((v) => v.activities.includes('exploit')).map((v) => v.org);
  const sightings = planSightings(rng.fork('sightings'), orgs, plan.beacons, exploited, indicators, t0, days);
  writeJson(`${out}/stix/soc-sightings.json`, sightingsBundle(sightings, t1));
  files.push({ path: 'stix/soc-sightings.json', format: 'stix', note: 'victim SOC sightings' });

  const truth: GroundTruth = {
    version: 1, seed, window: { start: t0, end: t1, days },
    actor: { name: 'Tick', external_id: 'G0060', aliases: ACTORS[0].aliases!, sponsor: 'PLA Unit 61419' },
    attacker_servers: rentals.servers.map((s) => ({
      id: s.id, ip: s.ip, provider: provider(s.provider).name, asn: provider(s.provider).asn, server_id: s.server_id,
      account: { provider: provider(s.provider).name, account_id: s.account_id }, person: s.person, lease: { start: s.start, end: s.end },
      c2_domain: plan.servers.find((x) => x.id === s.id)!.domain,
      roles: [...new Set(events.filter((e) => e.server === s.id).map((e) => e.kind)), ...relays.chains.some((c) => c.relays.includes(s.id)) ? ['relay-hop'] : []].sort(),
    })),
    re_leases: rentals.reLeases.map((l) => ({ ip: l.ip, provider: provider(l.provider).name, account_id: l.account_id, start: l.start, end: l.end })),
    persons: ids.persons.map((p) => ({ ...p, accounts: p.accounts.map((k) => { const [pk, id] = k.split(':'); return `${provider(pk).name}:${id}`; }) })),
    relay_chains: relays.chains, relay_decoys: relays.decoys, beacons: plan.beacons, victims: truthVictims,
    untouched_orgs: orgs.map((o) => o.id).filter((id) => !truthVictims.some((v) => v.org === id)),
    research_scanners: scanners.map((s) => ({ ip: s.ip, name: s.name })),
    benign_periodic: services.filter((s) => s.kind === 'update').map((s) => ({ note: 'update agent polling every 2-4 h', dst: s.ips[0] })),
    prior_intel: { variant: opts.intel, indicators: opts.intel === 'full' ? indicators.map((i) => ({ type: i.type, value: i.value, valid_from: i.from, valid_until: i.until, verdict: i.verdict, note: i.note })) : [] },
    operator_ips: operatorIps,
  };
  writeJson(`${out}/ground-truth.json`, truth);
  const manifest: Manifest = {
    generator: 'hoptrace simulate', seed,
    options: { victims: opts.victims, days, backgroundRate: opts.backgroundRate, intel: opts.intel, window: { start: t0, end: t1 } },
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
  };
  writeJson(`${out}/manifest.json`, manifest);
  const zeekRows = sensors.stats;
  return { manifest, truth, flows: zeekRows.conn + routers.flows, zeekRows, nfdumpRecords: routers.flows, packets: pcaps.packets };
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export { PROVIDERS };
