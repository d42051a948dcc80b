// STIX 2.1 bundles: partial prior intelligence about the group (some right, some stale, some wrong) next to
// other actors sharing common tools, and a victim SOC's sightings bundle.
import { stixId, uuidv5 } from '../core/ids.ts';
import { isoUtc } from '../core/time.ts';
import { DAY, type IntelVariant } from './config.ts';
import type { Rng } from './random.ts';

type Obj = Record<string, unknown>;
const TLP_GREEN = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

interface Named { key: string; type: 'malware' | 'tool' | 'attack-pattern' | 'intrusion-set' | 'threat-actor'; name: string; ext?: string; aliases?: string[] }

export const ACTORS: Named[] = [
  { key: 'tick', type: 'intrusion-set', name: 'Tick', ext: 'G0060', aliases: ['Tick', 'BRONZE BUTLER', 'REDBALDKNIGHT'] },
  { key: 'menupass', type: 'intrusion-set', name: 'menuPass', ext: 'G0045', aliases: ['menuPass', 'APT10', 'Stone Panda', 'POTASSIUM', 'Cicada'] },
  { key: 'lazarus', type: 'intrusion-set', name: 'Lazarus Group', ext: 'G0032', aliases: ['Lazarus Group', 'HIDDEN COBRA', 'ZINC'] },
  { key: 'unit61419', type: 'threat-actor', name: 'PLA Unit 61419', aliases: ['Unit 61419'] },
];

export const SOFTWARE: Named[] = [
  { key: 'daserf', type: 'malware', name: 'Daserf', ext: 'S0187' }, { key: 'datper', type: 'malware', name: 'Datper', ext: 'S0568' },
  { key: 'xxmm', type: 'malware', name: 'xxmm' }, { key: 'plugx', type: 'malware', name: 'PlugX', ext: 'S0013' },
  { key: 'redleaves', type: 'malware', name: 'RedLeaves', ext: 'S0153' }, { key: 'chches', type: 'malware', name: 'ChChes', ext: 'S0144' },
  { key: 'hoplight', type: 'malware', name: 'HOPLIGHT', ext: 'S0376' }, { key: 'bankshot', type: 'malware', name: 'Bankshot', ext: 'S0239' },
  { key: 'mimikatz', type: 'tool', name: 'Mimikatz', ext: 'S0002' }, { key: 'psexec', type: 'tool', name: 'PsExec', ext: 'S0029' },
  { key: 'cobaltstrike', type: 'tool', name: 'Cobalt Strike', ext: 'S0154' },
];

export const TECHNIQUES: Named[] = [
  ['T1566.001', 'Spearphishing Attachment'], ['T1190', 'Exploit Public-Facing Application'], ['T1071.001', 'Web Protocols'],
  ['T1041', 'Exfiltration Over C2 Channel'], ['T1003.001', 'LSASS Memory'], ['T1021.004', 'SSH'], ['T1090.003', 'Multi-hop Proxy'],
  ['T1583.003', 'Virtual Private Server'], ['T1021.002', 'SMB/Windows Admin Shares'],
].map(([ext, name]) => ({ key: ext.toLowerCase(), type: 'attack-pattern' as const, name, ext }));

const USES: Record<string, string[]> = {
  tick: ['daserf', 'datper', 'xxmm', 'mimikatz', 'psexec', 'cobaltstrike', 't1566.001', 't1190', 't1071.001', 't1041', 't1090.003', 't1583.003'],
  menupass: ['plugx', 'redleaves', 'chches', 'mimikatz', 'psexec', 'cobaltstrike', 't1566.001', 't1003.001', 't1021.002', 't1090.003'],
  lazarus: ['hoplight', 'bankshot', 'mimikatz', 'cobaltstrike', 't1566.001', 't1071.001', 't1041'],
};
const SHARED = new Set(['mimikatz', 'psexec', 'cobaltstrike']);

export const sdoId = (n: Named) => stixId(n.type, n.key);

export interface IndicatorPlan { key: string; type: 'ipv4' | 'domain'; value: string; from: number; until: number | null; verdict: 'correct' | 'stale' | 'wrong' | 'expired'; note: string }

function base(type: string, key: string, created: number): Obj {
  return { type, spec_version: '2.1', id: stixId(type, key), created: isoUtc(created), modified: isoUtc(created) };
}

function sdo(n: Named, created: number, source: string): Obj {
  const o: Obj = { ...base(n.type, n.key, created), name: n.name, created_by_ref: source, object_marking_refs: [TLP_GREEN] };
  if (n.type === 'malware') o.is_family = true;
  if (n.aliases) o.aliases = n.aliases;
  if (n.type === 'threat-actor') o.threat_actor_types = ['nation-state'];
  if (n.ext) {
    const id = n.ext;
    const path = id.startsWith('G') ? 'groups' : id.startsWith('S') ? 'software' : 'techniques';
    o.external_references = [{ source_name: 'mitre-attack', external_id: id, url: `https://attack.mitre.org/${path}/${id.replace('.', '/')}` }];
  }
  return o;
}

function rel(src: string, type: string, dst: string, created: number, source: string): Obj {
  return { ...base('relationship', `${src}|${type}|${dst}`, created), relationship_type: type, source_ref: src, target_ref: dst, created_by_ref: source };
}

export function priorIntelBundle(r: Rng, variant: IntelVariant, indicators: IndicatorPlan[], created: number): Obj {
  const source = stixId('identity', 'sim-cti-vendor');
  const objects: Obj[] = [{ ...base('identity', 'sim-cti-vendor', created), name: 'Simulated CTI Vendor', identity_class: 'organization' }];
  const tick = ACTORS[0];
  for (const a of ACTORS) objects.push(sdo(a, created, source));
  objects.push(rel(sdoId(tick), 'attributed-to', sdoId(ACTORS[3]), created, source));
  const used = new Set<string>();
  for (const [actor, list] of Object.entries(USES)) {
    for (const k of list) {
      if (actor === 'tick' && variant === 'shared-tools-only' && !SHARED.has(k)) continue;
      used.add(k);
      const n = [...SOFTWARE, ...TECHNIQUES].find((x) => x.key === k)!;
      objects.push(rel(sdoId(ACTORS.find((a) => a.key === actor)!), 'uses', sdoId(n), created, source));
    }
  }
  for (const n of [...SOFTWARE, ...TECHNIQUES]) if (used.has(n.key)) objects.push(sdo(n, created, source));
  if (variant === 'full') {
    for (const ind of indicators) {
      const pattern = ind.type === 'ipv4' ? `[ipv4-addr:value = '${ind.value}']` : `[domain-name:value = '${ind.value}']`;
      const o: Obj = {
        ...base('indicator', ind.key, ind.from), name: `${tick.name} infrastructure ${ind.value}`, indicator_types: ['malicious-activity'],
        pattern, pattern_type: 'stix', valid_from: isoUtc(ind.from), created_by_ref: source, object_marking_refs: [TLP_GREEN],
        confidence: ind.verdict === 'wrong' ? 40 : r.int(60, 90), labels: ['tick', 'c2'],
      };
      if (ind.until !== null) o.valid_until = isoUtc(ind.until);
      objects.push(o);
      objects.push(rel(o.id as string, 'indicates', sdoId(tick), ind.from, source));
    }
    for (let i = 0; i < 3; i++) {
      const hash = r.hex(64);
      const o: Obj = { ...base('indicator', `daserf-hash-${i}`, created), name: 'Daserf sample', indicator_types: ['malicious-activity'],
        pattern: `[file:hashes.'SHA-256' = '${hash}']`, pattern_type: 'stix', valid_from: isoUtc(created), created_by_ref: source, object_marking_refs: [TLP_GREEN] };
      objects.push(o, rel(o.id as string, 'indicates', sdoId(SOFTWARE[0]), created, source));
    }
  }
  return { type: 'bundle', id: `bundle--${uuidv5(`prior-intel|${variant}|${created}`)}`, objects };
}

export interface SightingPlan { org: string; orgName: string; of: string; first: number; last: number; count: number }

export function sightingsBundle(plans: SightingPlan[], created: number): Obj {
  const objects: Obj[] = [];
  const orgs = [...new Set(plans.map((p) => p.org))].sort();
  for (const org of orgs) {
    const p = plans.find((x) => x.org === org)!;
    // Named by the sharing community's member id (the orgs directory id); the full name is the description.
    objects.push({ ...base('identity', `victim-${org}`, created), name: org, description: p.orgName, identity_class: 'organization',
      external_references: [{ source_name: 'hoptrace-org', external_id: org }] });
  }
  plans.forEach((p, i) => {
    objects.push({ ...base('sighting', `sighting-${i}-${p.org}-${p.of}`, p.last + DAY), sighting_of_ref: p.of, where_sighted_refs: [stixId('identity', `victim-${p.org}`)],
      first_seen: isoUtc(p.first), last_seen: isoUtc(p.last), count: p.count, object_marking_refs: [TLP_GREEN] });
  });
  return { type: 'bundle', id: `bundle--${uuidv5(`sightings|${created}|${plans.length}`)}`, objects };
}
