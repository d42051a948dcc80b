// ground-truth.json: what really happened in a simulated world, for scoring analyzers.
import type { ActivityKind, AttackEvent } from './activity.ts';
import type { BeaconTruth } from './campaign.ts';
import type { PersonTruth } from './identities.ts';
import type { ChainTruth, DecoyTruth } from './relays.ts';

export interface LeaseWindow { start: number; end: number | null }

export interface GroundTruth {
  version: 1;
  seed: number;
  window: { start: number; end: number; days: number };
  actor: { name: string; external_id: string; aliases: string[]; sponsor: string };
  attacker_servers: Array<{ id: string; ip: string; provider: string; asn: number; server_id: string; account: { provider: string; account_id: string }; person: string; lease: LeaseWindow; c2_domain: string; roles: string[] }>;
  /** Honest leases of former attacker addresses (contact with these after the re-lease is not attacker contact). */
  re_leases: Array<{ ip: string; provider: string; account_id: string; start: number; end: number | null }>;
  persons: PersonTruth[]; // accounts as "provider:account_id"; decoy persons are honest customers
  relay_chains: ChainTruth[];
  relay_decoys: DecoyTruth[];
  beacons: BeaconTruth[];
  victims: Array<{ org: string; name: string; first_seen: number; last_seen: number; activities: ActivityKind[]; servers: string[]; events: Partial<Record<ActivityKind, { first: number; last: number; count: number }>> }>;
  untouched_orgs: string[];
  research_scanners: Array<{ ip: string; name: string }>;
  benign_periodic: Array<{ note: string; dst: string }>;
  prior_intel: { variant: string; indicators: Array<{ type: string; value: string; valid_from: number; valid_until: number | null; verdict: 'correct' | 'stale' | 'wrong' | 'expired'; note: string }> };
  operator_ips: string[];
}

export function victimTruth(events: AttackEvent[], orgNames: Map<string, string>): GroundTruth['victims'] {
  const by = new Map<string, AttackEvent[]>();
  for (const e of events) {
    const list = by.get(e.org) ?? [];
    list.push(e);
    by.set(e.org, list);
  }
  return [...by.keys()].sort().map((org) => {
    const list = by.get(org)!;
    const ev: Partial<Record<ActivityKind, { first: number; last: number; count: number }>> = {};
    for (const e of list) {
      if (e.conn.service === 'dns') continue; // lookups go to the resolver, not to the attacker
      const x = ev[e.kind] ?? { first: e.conn.ts, last: e.conn.ts, count: 0 };
      x.first = Math.min(x.first, e.conn.ts);
      x.last = Math.max(x.last, e.conn.ts);
      x.count++;
      ev[e.kind] = x;
    }
    const firsts = Object.values(ev).map((x) => x!.first);
    const lasts = Object.values(ev).map((x) => x!.last);
    return {
      org, name: orgNames.get(org) ?? org, first_seen: Math.min(...firsts), last_seen: Math.max(...lasts),
      activities: (Object.keys(ev) as ActivityKind[]).sort(), servers: [...new Set(list.map((e) => e.server))].sort(), events: ev,
    };
  });
}
