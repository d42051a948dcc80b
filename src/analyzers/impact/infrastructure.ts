// Which external endpoints count as attacker infrastructure, and when: from the other analyzers' findings.
// An endpoint rented under a lease the leases analyzer attributed is attacker-held only inside that lease.
import { ipKey } from '../../core/ip.ts';
import type { Finding } from '../../core/types.ts';

export interface InfraEndpoint { ip: string; key: number; score: number; reasons: string[]; windows: Array<[number, number]> | null }

const FOREVER: [number, number] = [-1e12, 1e12];

export function infrastructureFrom(f: { sharedInfra: Finding[]; iocHits: Finding[]; relayChains: Finding[]; leases: Finding[] }, minScore: number): Map<string, InfraEndpoint> {
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
  for (const x of f.sharedInfra) if (x.kind === 'endpoint' && x.score >= minScore) add(x.details.ip ?? x.subject, x.score, `shared-infra ${x.score.toFixed(2)}`);
  for (const x of f.iocHits) {
    const ind = x.details.indicator as { type?: string; value?: string } | undefined;
    if (x.kind === 'ioc-hit' && (ind?.type === 'ipv4' || ind?.type === 'ipv6')) add(ind.value, x.score, 'known indicator');
  }
  for (const x of f.relayChains) {
    if (x.kind !== 'relay-chain') continue;
    for (const r of (x.details.relays as string[] | undefined) ?? []) add(r, x.score, 'relay in a stepping-stone chain');
  }
  for (const x of f.leases) {
    if (x.kind !== 'lease-attribution') continue;
    const e = out.get(String(x.details.ip));
    const start = Number(x.details.lease_start), end = x.details.lease_end == null ? 1e12 : Number(x.details.lease_end);
    if (e && Number.isFinite(start)) (e.windows ??= []).push([start, end]);
  }
  return out;
}

/** Flat arrays for the SQL join: one row per (endpoint, window). */
export function windowRows(infra: Map<string, InfraEndpoint>): { keys: number[]; starts: number[]; ends: number[] } {
  const keys: number[] = [], starts: number[] = [], ends: number[] = [];
  for (const e of infra.values()) {
    for (const [s, t] of e.windows ?? [FOREVER]) { keys.push(e.key); starts.push(s); ends.push(t); }
  }
  return { keys, starts, ends };
}
