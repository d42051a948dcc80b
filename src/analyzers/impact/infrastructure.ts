// Which external endpoints count as attacker infrastructure, and when: from the other analyzers' findings.
// An endpoint rented under a lease the leases analyzer attributed is attacker-held only inside that lease.
import { ipKey } from '../../core/ip.ts';
import type { Finding } from '../../core/types.ts';

export interface InfraEndpoint { ip: string; key: number; score: number; reasons: string[]; windows: Array<[number, number]> | null }

const FOREVER: [number, number] = [-1e12, 1e12];
/** Share of minScore enough for endpoints the leases analyzer attributed. */
const LEASED_FACTOR = 0.8;

export function infrastructureFrom(f: { sharedInfra: Finding[]; iocHits: Finding[]; relayChains: Finding[]; leases: Finding[]; identities?: Finding[]; beacons?: Finding[] }, minScore: number): Map<string, InfraEndpoint> {
  const out = new Map<string, InfraEndpoint>();
  const add = (ip: unknown, score: number, reason: string) => {
    if (typeof ip !== 'string') return;
    const key = ipKey(ip);
    if (key == null) return;
    const e = out.get(ip) ?? { ip, key, score: 0, reasons: [], windows: null };
    e.score = Math.max(e.score, score);
    if (!e.reasons.includes(reason)) e.reasons.push(reason);
    out.set(ip, e);
  };
  for (const x of f.sharedInfra) {
    if (x.kind !== 'endpoint' || x.score < minScore || scannerLike(x)) continue;
    add(x.details.ip ?? x.subject, x.score, `shared-infra ${x.score.toFixed(2)}`);
  }
  for (const x of f.iocHits) {
    const ind = x.details.indicator as { type?: string; value?: string } | undefined;
    if (x.kind === 'ioc-hit' && x.score >= minScore && (ind?.type === 'ipv4' || ind?.type === 'ipv6')) add(ind.value, x.score, 'known indicator');
  }
  for (const x of f.relayChains) {
    if (x.kind !== 'relay-chain') continue;
    for (const r of (x.details.relays as string[] | undefined) ?? []) add(r, x.score, 'relay in a stepping-stone chain');
  }
  const leased = new Set(f.leases.filter((x) => x.kind === 'lease-attribution').map((x) => String(x.details.ip)));
  for (const x of f.sharedInfra) {
    // A rented server the leases analyzer tied to the campaign counts from a lower score: reaching many orgs
    // (over-correlation) damps shared-infra scores of exactly the busiest attacker servers.
    const ip = String(x.details.ip ?? x.subject);
    if (x.kind === 'endpoint' && !out.has(ip) && leased.has(ip) && x.score >= minScore * LEASED_FACTOR && !scannerLike(x)) add(ip, x.score, `shared-infra ${x.score.toFixed(2)} on a rented server tied to the campaign`);
  }
  for (const x of trustedLeases(f.leases, f.identities ?? [], activityTimes(f.relayChains, f.beacons ?? []))) {
    const e = out.get(String(x.details.ip));
    const start = Number(x.details.lease_start), end = x.details.lease_end == null ? 1e12 : Number(x.details.lease_end);
    if (e && Number.isFinite(start)) (e.windows ??= []).push([start, end]);
  }
  return out;
}

/**
 * Lease windows to count per IP. The leases analyzer attributes every lease the IP-level evidence touches,
 * which includes an honest tenant who rented the address after the attacker. A window is trusted when
 * time-stamped activity of the IP (a relay chain through it, a beacon to it) falls inside it, or its account
 * belongs to an identity cluster; when no window of an IP is trusted, all are kept (no basis to choose).
 */
function trustedLeases(leases: Finding[], identities: Finding[], activity: Map<string, number[]>): Finding[] {
  const clustered = new Set(identities.filter((x) => x.kind === 'identity-cluster').flatMap((x) => (x.details.accounts as string[]) ?? []));
  const attributed = leases.filter((x) => x.kind === 'lease-attribution');
  const trusted = (x: Finding) => {
    const start = Number(x.details.lease_start), end = x.details.lease_end == null ? Infinity : Number(x.details.lease_end);
    return (activity.get(String(x.details.ip)) ?? []).some((t) => t >= start && t <= end)
      || clustered.has(`${x.details.provider}:${x.details.account_id}`);
  };
  const byIp = new Map<string, Finding[]>();
  for (const x of attributed) byIp.set(String(x.details.ip), [...(byIp.get(String(x.details.ip)) ?? []), x]);
  return [...byIp.values()].flatMap((list) => (list.some(trusted) ? list.filter(trusted) : list));
}

/** When each IP was seen doing attacker things: relay chains through it, beacons to it. */
function activityTimes(relayChains: Finding[], beacons: Finding[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const push = (ip: unknown, t: number | null) => { if (typeof ip === 'string' && t != null) out.set(ip, [...(out.get(ip) ?? []), t]); };
  for (const c of relayChains) if (c.kind === 'relay-chain') for (const r of (c.details.relays as string[] | undefined) ?? []) push(r, c.first_seen);
  for (const b of beacons) if (b.kind === 'beacon') { push(b.details.dst, b.first_seen); push(b.details.dst, b.last_seen); }
  return out;
}

/**
 * An endpoint that probes every org and engages none is a scanner, whatever lifted its score (a wrong intel
 * listing lifts it): contacts with it are not the campaign's and would make every org look like a victim.
 */
function scannerLike(x: Finding): boolean {
  const flags = (x.details.flags as Record<string, unknown> | undefined) ?? {};
  const engaged = Number((x.details.numbers as Record<string, unknown> | undefined)?.orgs_engaged ?? 1);
  return flags.scanner_like === true && engaged === 0;
}

/** Flat arrays for the SQL join: one row per (endpoint, window). */
export function windowRows(infra: Map<string, InfraEndpoint>): { keys: number[]; starts: number[]; ends: number[] } {
  const keys: number[] = [], starts: number[] = [], ends: number[] = [];
  for (const e of infra.values()) {
    for (const [s, t] of e.windows ?? [FOREVER]) { keys.push(e.key); starts.push(s); ends.push(t); }
  }
  return { keys, starts, ends };
}
