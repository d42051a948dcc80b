// impact: per victim org — when attacker infrastructure touched it, which of its hosts, attempts vs
// established sessions, bytes sent out (exfiltration suspicion), beacons, relayed sessions; a severity with reasons.
import { z } from 'zod';
import { keyToIp } from '../../core/ip.ts';
import type { Finding } from '../../core/types.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { infrastructureFrom, windowRows, type InfraEndpoint } from './infrastructure.ts';
import { severityOf } from './severity.ts';

const params = z.object({
  /** shared-infra score from which an endpoint counts as attacker infrastructure. */
  minInfraScore: z.number().min(0).max(1).default(0.7),
  /** Bytes sent to attacker infrastructure from which exfiltration is suspected. */
  exfilBytes: z.number().int().min(0).default(20 * 1048576),
});
type Params = z.infer<typeof params>;

interface ContactRow {
  org: string; ext: number; first_seen: number; last_seen: number; last_start: number; flows: number; established: number;
  attempts: number; inbound: number; bytes_up: number; bytes_down: number; hosts: number[]; ports: number[]; evidence_ids: string[];
}

export const impactAnalyzer: Analyzer<Params> = {
  id: 'impact',
  version: '1.0.0',
  description: 'per victim: what attacker infrastructure did there, when, to which hosts, and how bad it is',
  needs: { tables: ['flows'], analyzers: ['shared-infra', 'ioc-match', 'relays', 'leases', 'beacons', 'identities'] },
  params,
  async *run(ctx) {
    const infra = infrastructureFrom({
      sharedInfra: await ctx.findingsOf('shared-infra'), iocHits: await ctx.findingsOf('ioc-match'),
      relayChains: await ctx.findingsOf('relays'), leases: await ctx.findingsOf('leases'), identities: await ctx.findingsOf('identities'),
      beacons: await ctx.findingsOf('beacons'),
    }, ctx.params.minInfraScore);
    if (infra.size === 0) return;
    const byKey = new Map([...infra.values()].map((e) => [e.key, e]));
    const rows = await ctx.store.query<ContactRow>(sqlFile(import.meta.url, 'contacts'), windowRows(infra));
    const v6 = await ctx.store.ip6Texts([...new Set(rows.flatMap((r) => [r.ext, ...r.hosts]))]);
    const beacons = groupBy((await ctx.findingsOf('beacons')).filter((b) => infra.has(String(b.details.dst))), (b) => String(b.details.org));
    const relayed = (await ctx.findingsOf('relays')).filter((f) => f.kind === 'relay-chain');
    for (const [org, contacts] of groupBy(rows, (r) => r.org)) {
      yield impactFinding(org, contacts, byKey, beacons.get(org) ?? [], relayedInto(relayed, contacts, v6), v6, ctx.params);
    }
  },
};

function impactFinding(org: string, contacts: ContactRow[], byKey: Map<number, InfraEndpoint>, beacons: Finding[], relayed: Finding[], v6: Map<number, string>, p: Params): Finding {
  const ip = (k: number) => keyToIp(k, v6) ?? String(k);
  const sum = (f: (r: ContactRow) => number) => contacts.reduce((a, r) => a + Number(f(r)), 0);
  const facts = {
    infrastructure: contacts.length, established: sum((r) => r.established), attempts: sum((r) => r.attempts),
    inbound: sum((r) => r.inbound), bytesUp: sum((r) => r.bytes_up), beacons: beacons.length, relayedSessions: relayed.length,
  };
  const severity = severityOf(facts, { exfilBytes: p.exfilBytes });
  const first = Math.min(...contacts.map((r) => r.first_seen));
  const last = Math.max(...contacts.map((r) => r.last_start));
  const hosts = [...new Set(contacts.flatMap((r) => r.hosts))].map(ip);
  const score = { critical: 1, high: 0.8, medium: 0.5, low: 0.25 }[severity.level];
  return makeFinding({
    analyzer: 'impact', kind: 'victim-impact', subject: org, score, first_seen: first, last_seen: last,
    details: {
      org, severity: severity.level, reasons: severity.reasons, ...facts, bytes_down: sum((r) => r.bytes_down),
      flows: sum((r) => r.flows), internal_hosts: hosts.slice(0, 200), internal_host_count: hosts.length,
      infrastructure: contacts.map((r) => ({
        ip: ip(r.ext), why: byKey.get(r.ext)?.reasons ?? [], first_seen: r.first_seen, last_seen: r.last_start, flows: r.flows,
        established: r.established, attempts: r.attempts, bytes_up: r.bytes_up, bytes_down: r.bytes_down, ports: r.ports.slice(0, 20),
      })),
      beacons: beacons.map((b) => ({ src: b.details.src, dst: b.details.dst, dport: b.details.dport, connections: b.details.connections, score: b.score })),
      relayed_sessions: relayed.map((c) => ({ origin: c.details.origin, relays: c.details.relays, target: c.details.target, start: c.first_seen, score: c.score })),
    },
    evidence_ids: [...new Set(contacts.flatMap((r) => r.evidence_ids))],
  });
}

/** Relay chains whose last hop lands on one of this org's hosts that talked to the same infrastructure. */
function relayedInto(chains: Finding[], contacts: ContactRow[], v6: Map<number, string>): Finding[] {
  const hosts = new Set(contacts.flatMap((r) => r.hosts).map((k) => keyToIp(k, v6)));
  return chains.filter((c) => hosts.has(String(c.details.target)));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}
