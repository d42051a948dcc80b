// The simulator: builds a world from the seed and writes every real-format file, ground-truth.json and
// manifest.json into the output directory. Deterministic: same options → byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { SmallSite } from './benign.ts';
import { DAY, type SimOptions } from './config.ts';
import type { Conn } from './conn.ts';
import { writeDirectory } from './directory.ts';
import { victimTruth, type GroundTruth } from './ground-truth.ts';
import { planIndicators, planSightings } from './intel-plan.ts';
import { provider } from './internet.ts';
import type { Manifest, ManifestEntry } from './manifest.ts';
import { writeRelayCaptures } from './pcap-output.ts';
import { writeProviderExports } from './provider-export.ts';
import { cumulative } from './random.ts';
import { inHostingSpace, writeRouters } from './router-output.ts';
import { writeSensors } from './sensor-output.ts';
import { ACTORS, priorIntelBundle, sightingsBundle, type IndicatorPlan } from './stix.ts';
import { buildWorld, HOSTING, type World } from './world.ts';

export interface SimResult { manifest: Manifest; truth: GroundTruth; flows: number; zeekRows: { conn: number; dns: number; ssl: number }; nfdumpRecords: number; packets: number }

export function simulate(opts: SimOptions): SimResult {
  mkdirSync(opts.out, { recursive: true });
  const w = buildWorld(opts);
  const ev = writeEvidence(w, opts);
  const truth = buildTruth(w, opts, ev.indicators);
  writeJson(`${opts.out}/ground-truth.json`, truth);
  const manifest: Manifest = {
    generator: 'hoptrace simulate', seed: opts.seed,
    options: { victims: opts.victims, days: opts.days, backgroundRate: opts.backgroundRate, intel: opts.intel, window: { start: w.t0, end: w.t1 } },
    files: ev.files.sort((a, b) => a.path.localeCompare(b.path)),
  };
  writeJson(`${opts.out}/manifest.json`, manifest);
  return { manifest, truth, flows: ev.zeekRows.conn + ev.nfdumpRecords, zeekRows: ev.zeekRows, nfdumpRecords: ev.nfdumpRecords, packets: ev.packets };
}

function writeEvidence(w: World, opts: SimOptions) {
  const { out, days } = opts;
  const { rng, t0, t1, orgs, services, rentals, relays } = w;
  const files: ManifestEntry[] = writeDirectory(out, orgs);
  const smallSites: SmallSite[] = rentals.reLeases.map((l, i) => ({ ip: l.ip, domain: `shop${i + 1}.small-biz.example`, start: l.start, end: l.end, provider: l.provider }));
  const routerConns: Conn[] = [];
  const ctx = { services, serviceWeights: cumulative(services.map((s) => s.weight)), scanners: w.scanners, orgs, smallSites, rate: opts.backgroundRate };
  const sensors = writeSensors(rng.fork('sensors'), out, orgs, ctx, w.events, t0, days, (c) => { if (inHostingSpace(c.dst)) routerConns.push(c); });
  files.push(...sensors.files);
  for (const e of w.events) if (e.conn.service !== 'dns') routerConns.push(e.pub);
  routerConns.push(...relays.conns.filter((c) => !relays.victimHops.some((h) => h.conn === c)));
  const routers = writeRouters(rng.fork('routers'), out, routerConns, rentals.leases, t0, days);
  files.push(...routers.files);
  const pcaps = writeRelayCaptures(rng.fork('pcap'), out, relays.captures);
  files.push(...pcaps.files);
  for (const pk of HOSTING) {
    const accts = [...w.accounts, ...rentals.honestAccounts].filter((a) => a.provider === pk);
    const ex = writeProviderExports(`${out}/providers`, pk, accts, rentals.leases.filter((l) => l.provider === pk), rentals.logins.filter((l) => l.provider === pk));
    for (const e of ex) files.push({ path: e.path.slice(out.length + 1), format: e.table, provider: provider(pk).name, tz: e.tz, ...(e.map ? { map: e.map } : {}), rows: e.rows });
  }
  const indicators = planIndicators(rng.fork('indicators'), rentals.servers, w.plan.servers, rentals.reLeases, t0);
  writeJson(`${out}/stix/prior-intel.json`, priorIntelBundle(rng.fork('stix'), opts.intel, indicators, t0 - 30 * DAY));
  files.push({ path: 'stix/prior-intel.json', format: 'stix', note: `partial prior intelligence (${opts.intel})` });
  const exploited = [...new Set(w.events.filter((e) => e.kind === 'exploit').map((e) => e.org))].sort();
  const sightings = planSightings(rng.fork('sightings'), orgs, w.plan.beacons, exploited, indicators, t0, days);
  writeJson(`${out}/stix/soc-sightings.json`, sightingsBundle(sightings, t1));
  files.push({ path: 'stix/soc-sightings.json', format: 'stix', note: 'victim SOC sightings' });
  return { files, indicators, zeekRows: sensors.stats, nfdumpRecords: routers.flows, packets: pcaps.packets };
}

function buildTruth(w: World, opts: SimOptions, indicators: IndicatorPlan[]): GroundTruth {
  const { rentals, relays, plan, orgs } = w;
  const victims = victimTruth(w.events, new Map(orgs.map((o) => [o.id, o.name])));
  const name = (pk: string) => provider(pk).name;
  return {
    version: 1, seed: opts.seed, window: { start: w.t0, end: w.t1, days: opts.days },
    actor: { name: 'Tick', external_id: 'G0060', aliases: ACTORS[0].aliases!, sponsor: 'PLA Unit 61419' },
    attacker_servers: rentals.servers.map((s) => ({
      id: s.id, ip: s.ip, provider: name(s.provider), asn: provider(s.provider).asn, server_id: s.server_id,
      account: { provider: name(s.provider), account_id: s.account_id }, person: s.person, lease: { start: s.start, end: s.end },
      c2_domain: plan.servers.find((x) => x.id === s.id)!.domain,
      roles: [...new Set(w.events.filter((e) => e.server === s.id).map((e) => e.kind as string)), ...relays.chains.some((c) => c.relays.includes(s.id)) ? ['relay-hop'] : []].sort(),
    })),
    re_leases: rentals.reLeases.map((l) => ({ ip: l.ip, provider: name(l.provider), account_id: l.account_id, start: l.start, end: l.end })),
    persons: w.persons.map((p) => ({ ...p, accounts: p.accounts.map((k) => { const [pk, id] = k.split(':'); return `${name(pk)}:${id}`; }) })),
    relay_chains: relays.chains, relay_decoys: relays.decoys, beacons: plan.beacons, victims,
    untouched_orgs: orgs.map((o) => o.id).filter((id) => !victims.some((v) => v.org === id)),
    research_scanners: w.scanners.map((s) => ({ ip: s.ip, name: s.name })),
    benign_periodic: w.services.filter((s) => s.kind === 'update').map((s) => ({ note: 'update agent polling every 2-4 h', dst: s.ips[0] })),
    prior_intel: { variant: opts.intel, indicators: opts.intel === 'full' ? indicators.map((i) => ({ type: i.type, value: i.value, valid_from: i.from, valid_until: i.until, verdict: i.verdict, note: i.note })) : [] },
    operator_ips: w.operatorIps,
  };
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

