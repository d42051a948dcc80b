// Victim organisations: names, sectors, address blocks, hosts and the sensors that watch them.
import { V4, cidr, ipText, privateBlock, v6Block, v6Host, victimBlock } from './addresses.ts';
import type { Rng } from './random.ts';

export type ZeekStyle = 'tsv' | 'json-iso' | 'json-epoch';

export interface SensorRec { id: string; style: ZeekStyle; hosts: string[] }

export interface VictimOrg {
  id: string; name: string; sector: string; country: string; contacts: string[];
  publicCidr: string; privateCidr: string | null; v6Cidr: string | null;
  servers: string[]; // public-facing hosts (web, mail, vpn)
  natIp: string; // public address internal hosts leave through (their own address when public-space)
  sensors: SensorRec[];
  size: number; // relative traffic weight
  tzOffsetH: number; // local working-hours offset from UTC
  index: number;
}

const SECTORS: Array<{ sector: string; names: string[]; suffix: string[] }> = [
  { sector: 'research', names: ['Materials', 'Marine', 'Energy', 'Photonics', 'Robotics', 'Polar', 'Nuclear Fusion', 'Earth Science', 'Quantum', 'Semiconductor'], suffix: ['Research Institute', 'Laboratory', 'Science Center'] },
  { sector: 'university', names: ['Hokuto', 'Minato', 'Asahi', 'Kisaragi', 'Shirakawa', 'Tsubame', 'Kaede', 'Hoshizora', 'Aoba', 'Nishikaze'], suffix: ['University', 'Institute of Technology', 'College'] },
  { sector: 'defence', names: ['Yamato', 'Kongo', 'Hayate', 'Raiden', 'Tenryu', 'Ishikari'], suffix: ['Heavy Industries', 'Defense Systems', 'Electronics'] },
  { sector: 'aviation', names: ['Sorano', 'Tsubasa', 'Kumoi', 'Hibari', 'Ozora'], suffix: ['Aircraft', 'Aero Engines', 'Avionics'] },
];

export function buildOrgs(rng: Rng, count: number): VictimOrg[] {
  const orgs: VictimOrg[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`org${i}`);
    const { name, sector } = i === 0
      ? { name: 'National Space Exploration Agency', sector: 'space' }
      : orgName(r, used, i);
    orgs.push(makeOrg(r, i, count, name, sector));
  }
  return orgs;
}

function orgName(r: Rng, used: Set<string>, i: number): { name: string; sector: string } {
  const s = r.weighted(SECTORS, [4, 4, 2, 1.5]);
  for (let tries = 0; tries < 20; tries++) {
    const name = `${r.pick(s.names)} ${r.pick(s.suffix)}`;
    if (!used.has(name)) {
      used.add(name);
      return { name, sector: s.sector };
    }
  }
  return { name: `${r.pick(s.names)} ${r.pick(s.suffix)} ${i}`, sector: s.sector };
}

function makeOrg(r: Rng, i: number, count: number, name: string, sector: string): VictimOrg {
  const id = `org-${String(i + 1).padStart(3, '0')}`;
  const pub = victimBlock(i, count);
  const hostsInBlock = 2 ** (32 - pub.bits);
  const usesPrivate = i !== 0 && r.chance(sector === 'university' ? 0.15 : 0.45);
  const priv = usesPrivate ? privateBlock(r.int(0, 3)) : null;
  const size = sector === 'space' ? 3 : r.range(0.4, 2.2);
  const nHosts = Math.max(6, Math.min(hostsInBlock - 12, Math.round(size * r.int(15, 40))));
  const servers = [ipText(pub.base + 2), ipText(pub.base + 3), ipText(pub.base + 4)];
  const natIp = ipText(pub.base + 9);
  const workstations: string[] = [];
  const subnet = r.int(1, 200);
  for (let h = 0; h < nHosts; h++) {
    workstations.push(priv ? ipText(priv.base + subnet * 256 + 10 + h) : ipText(pub.base + 10 + (h % (hostsInBlock - 12))));
  }
  const uniqueWs = [...new Set(workstations)];
  const nSensors = sector === 'space' ? 3 : r.weighted([1, 2, 3], [12, 3, 1]);
  const sensors: SensorRec[] = [];
  for (let s = 0; s < nSensors; s++) {
    sensors.push({ id: `${id}-s${s + 1}`, style: r.weighted(['tsv', 'json-iso', 'json-epoch'] as ZeekStyle[], [5, 3, 2]), hosts: [] });
  }
  uniqueWs.forEach((h, k) => sensors[k % nSensors].hosts.push(h));
  const domain = `${id}.example`;
  const v6 = !priv && r.chance(0.2);
  return {
    id, name, sector, country: r.chance(0.93) ? 'JP' : 'KR',
    contacts: [`soc@${domain}`, `cert@${domain}`].slice(0, r.int(1, 2)),
    publicCidr: cidr(pub.base, pub.bits), privateCidr: priv ? cidr(priv.base, priv.bits) : null,
    v6Cidr: v6 ? v6Block(i) : null,
    servers, natIp: priv ? natIp : '', sensors, size, tzOffsetH: 9, index: i,
  };
}

/** The address an internal host shows to the internet. */
export function publicAddressOf(org: VictimOrg, host: string): string {
  return org.privateCidr && host.startsWith('10.') ? org.natIp : host;
}

export function hostV6(org: VictimOrg, host: string): string | null {
  if (!org.v6Cidr) return null;
  return v6Host(org.index, V4(host) % 4096 + 16);
}

export function allHosts(org: VictimOrg): string[] {
  return org.sensors.flatMap((s) => s.hosts);
}
