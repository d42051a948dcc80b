// Decides which side of a flow is inside a victim org. Public blocks are unique per org; private space
// (10/8, 172.16/12, 192.168/16, fc00::/7 …) overlaps between orgs, so it is resolved by the flow's sensor
// or the org the file was tagged with.
import { cidrContains, isPrivate, parseCidr, parseIp, type Cidr, type ParsedIp } from '../core/ip.ts';

export interface OrgNetworks { id: string; networks: string[]; sensors: string[] }
interface Range { lo: number; hi: number; org: string }

export class OrgMatcher {
  private readonly publicV4: Range[] = [];
  private readonly privateV4 = new Map<string, Range[]>(); // org → ranges
  private readonly v6: Array<{ cidr: Cidr; org: string }> = [];
  private readonly sensorOrg = new Map<string, string>();

  constructor(orgs: OrgNetworks[]) {
    for (const o of orgs) {
      for (const s of o.sensors) this.sensorOrg.set(s, o.id);
      for (const n of o.networks) {
        const c = parseCidr(n);
        if (!c) continue;
        if (c.version === 6) { this.v6.push({ cidr: c, org: o.id }); continue; }
        const lo = Number(c.base);
        const r = { lo, hi: lo + 2 ** (32 - c.bits) - 1, org: o.id };
        if (isPrivate({ version: 4, value: c.base, text: '' })) {
          const list = this.privateV4.get(o.id) ?? [];
          list.push(r);
          this.privateV4.set(o.id, list);
        } else this.publicV4.push(r);
      }
    }
    this.publicV4.sort((a, b) => a.lo - b.lo);
  }

  get empty(): boolean {
    return this.publicV4.length === 0 && this.privateV4.size === 0 && this.v6.length === 0;
  }

  orgOfSensor(sensor: string | null | undefined): string | null {
    return sensor ? this.sensorOrg.get(sensor) ?? null : null;
  }

  /**
   * Org that owns `ip`, given the org the observation belongs to (tagged or via sensor).
   * A private address seen by a known org's sensor is that org's, even when the directory omits the block.
   */
  orgOf(ip: string, contextOrg: string | null): string | null {
    const p = parseIp(ip);
    if (!p) return null;
    if (p.version === 6) return this.orgOfV6(p, contextOrg);
    const n = Number(p.value);
    if (isPrivate(p)) {
      if (contextOrg) return contextOrg;
      return null;
    }
    const r = findRange(this.publicV4, n);
    return r ? r.org : null;
  }

  private orgOfV6(p: ParsedIp, contextOrg: string | null): string | null {
    if (isPrivate(p)) return contextOrg;
    for (const x of this.v6) if (cidrContains(x.cidr, p)) return x.org;
    return null;
  }
}

function findRange(ranges: Range[], n: number): Range | null {
  let lo = 0, hi = ranges.length - 1, best: Range | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].lo <= n) { best = ranges[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return best && n <= best.hi ? best : null;
}

/** Fills org, src_int and dst_int of flow-like rows (flows, dns, tls). */
export function classifyRow(m: OrgMatcher, row: Record<string, unknown>, taggedOrg: string | null): void {
  const context = taggedOrg ?? (row.org as string | null) ?? m.orgOfSensor(row.sensor as string | null);
  const srcOrg = m.orgOf(String(row.src), context);
  const dstOrg = m.orgOf(String(row.dst), context);
  row.src_int = srcOrg ? 1 : 0;
  row.dst_int = dstOrg ? 1 : 0;
  row.org = context ?? srcOrg ?? dstOrg ?? null;
}
