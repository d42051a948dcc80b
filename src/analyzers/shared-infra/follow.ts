// Indicator follow-ups per endpoint, counted only from indicator seeds that themselves look like campaign
// infrastructure.
import { statsOf, type StatsRow, type Totals } from './rank.ts';
import { scoreEndpoint, type InfraParams } from './score.ts';

/** One ioc-follow row: an indicator itself (is_ioc = 1, seed = ep) or an endpoint first reached after a seed. */
export interface FollowLink { ep: number; seed: number; is_ioc: number; follow_hosts: number; follow_orgs: number }

/**
 * Follow-up evidence per endpoint, from the indicator seeds worth trusting: an indicator that over-correlates
 * (a CDN listed by mistake) or behaves like a scanner would make every host it touched, and everything they
 * touched next, suspicious. `statsByEp` must hold every seed that has flows.
 */
export function followBySeedsWorthTrusting(
  links: FollowLink[], statsByEp: Map<number, StatsRow>, totals: Totals, p: InfraParams,
): Map<number, { follow_hosts: number; follow_orgs: number }> {
  const trusted = new Set<number>();
  for (const seed of new Set(links.map((l) => l.seed))) {
    const r = statsByEp.get(seed);
    if (!r) continue;
    const s = scoreEndpoint(statsOf(r, totals, { is_ioc: true, follow_hosts: 0, follow_orgs: 0 }), p);
    if (!s.flags.over_correlating && !s.flags.scanner_like) trusted.add(seed);
  }
  const out = new Map<number, { follow_hosts: number; follow_orgs: number }>();
  for (const l of links) {
    if (l.is_ioc || !trusted.has(l.seed)) continue;
    const prev = out.get(l.ep) ?? { follow_hosts: 0, follow_orgs: 0 };
    out.set(l.ep, { follow_hosts: Math.max(prev.follow_hosts, l.follow_hosts), follow_orgs: Math.max(prev.follow_orgs, l.follow_orgs) });
  }
  return out;
}
