// leases: every attribution on a truth IP must name the account that held the IP at that moment
// (attacker lease or the honest re-lease after it). tp = right account, fp = wrong account or an
// attribution where truth says nobody held the IP, fn = attacker servers with no right attribution.
import type { Finding } from '../../../src/core/types.ts';
import type { GroundTruth } from '../../../src/sim/ground-truth.ts';
import type { Score } from './types.ts';

interface Holder { ip: string; account: string; start: number; end: number | null; attacker: boolean; server: string }

function holders(truth: GroundTruth): Holder[] {
  return [
    ...truth.attacker_servers.map((s) => ({ ip: s.ip, account: `${s.account.provider}:${s.account.account_id}`, start: s.lease.start, end: s.lease.end, attacker: true, server: s.id })),
    ...truth.re_leases.map((r) => ({ ip: r.ip, account: `${r.provider}:${r.account_id}`, start: r.start, end: r.end, attacker: false, server: '' })),
  ];
}

const norm = (s: string) => s.toLowerCase();

export const leases = (findings: Finding[], truth: GroundTruth): Score => {
  const all = holders(truth);
  const truthIps = new Set(all.map((h) => h.ip));
  const found = new Set<string>();
  let tp = 0;
  let fp = 0;
  let gaps = 0;
  for (const f of findings) {
    const ip = String(f.details.ip);
    if (!truthIps.has(ip)) continue;
    const mid = ((f.first_seen ?? 0) + (f.last_seen ?? f.first_seen ?? 0)) / 2;
    const holder = all.find((h) => h.ip === ip && h.start <= mid && (h.end === null || mid < h.end));
    if (f.kind === 'lease-gap') { if (holder) fp++; else gaps++; continue; }
    if (f.kind !== 'lease-attribution') continue;
    const predicted = norm(`${f.details.provider}:${f.details.account_id}`);
    if (holder && norm(holder.account) === predicted) {
      tp++;
      if (holder.attacker) found.add(holder.server);
    } else fp++;
  }
  const fn = truth.attacker_servers.filter((s) => !found.has(s.id)).length;
  return { tp, fp, fn, extra: { attacker_servers: truth.attacker_servers.length, servers_attributed: found.size, true_gaps: gaps } };
};
