// How strongly one external endpoint looks like campaign infrastructure, from its per-endpoint counts.
// Breadth across victim orgs is the core evidence, capped as MISP caps over-correlating values (a value
// seen in more than `correlation_limit` events stops correlating: MISP.correlation_limit, default 20). Our
// "events" are org-days (one org seeing the endpoint on one day): a campaign that scans most victims on a
// few days still correlates, an endpoint everyone sees every day (CDNs, internet-wide scanners) does not;
// direction (the endpoint both reached into victims and was called by them), unusual ports, engaged
// sessions and recency support it; prevalence (org-days) and scanner-likeness damp it; hosts that reach it
// shortly after touching a known indicator add support, and being a plausible known indicator itself
// (not over-correlating, not scanner-like: a wrong indicator must not outweigh the traffic) raises it.
// Every number used is returned beside the score.

export interface EndpointStats {
  orgs: number; orgs_engaged: number; org_days: number; ports_in: number;
  flows: number; flows_in: number; common_flows: number; engaged: number; bytes_up: number;
  first_seen: number; last_seen: number;
  orgs_total: number; days_total: number; window_start: number; window_end: number;
  is_ioc: boolean; follow_hosts: number; follow_orgs: number;
}

export interface InfraParams {
  /** Orgs at which breadth is full (log scale from 2). */
  breadthFullOrgs: number;
  /** Over-correlation: more org-days than max(limitMin, ceil(limitShare × orgs × days in the case)) give no breadth. */
  correlationLimitMin: number;
  correlationLimitShare: number;
  /** Prevalence (share of org-days) at and above which an endpoint counts as everyday traffic. */
  prevalenceCeiling: number;
  /** Orgs with engaged sessions at which engagement is full. */
  engagedFullOrgs: number;
  /** First seen this long after the window opened counts as new. */
  recencyGraceSeconds: number;
  weights: { engagement: number; direction: number; recency: number; ports: number };
  /** Direction component when traffic went one way only (both ways = 1). */
  oneWay: number;
  /** Support added at full indicator follow-up evidence (follow-ups from two or more orgs). */
  followSupport: number;
  /** Scanner-like (inbound only, never engaged, several ports) multiplies the score by this. */
  scannerDamping: number;
  iocDirect: number;
}

export const INFRA_DEFAULTS: InfraParams = {
  breadthFullOrgs: 8, correlationLimitMin: 20, correlationLimitShare: 0.5, prevalenceCeiling: 0.5, engagedFullOrgs: 3,
  recencyGraceSeconds: 86400,
  weights: { engagement: 0.25, direction: 0.35, recency: 0.15, ports: 0.25 },
  oneWay: 0.25, followSupport: 0.3,
  scannerDamping: 0.2, iocDirect: 0.9,
};

export interface InfraScore {
  score: number;
  components: Record<'breadth' | 'rarity' | 'engagement' | 'direction' | 'recency' | 'ports' | 'follow' | 'ioc' | 'scanner_damping', number>;
  flags: { over_correlating: boolean; scanner_like: boolean; known_indicator: boolean };
  support: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function correlationLimit(orgsTotal: number, daysTotal: number, p: InfraParams): number {
  return Math.max(p.correlationLimitMin, Math.ceil(p.correlationLimitShare * orgsTotal * daysTotal));
}

export function breadth(orgs: number, orgDays: number, limit: number, p: InfraParams): number {
  if (orgs < 2 || orgDays > limit) return 0;
  return clamp01(Math.log2(orgs) / Math.log2(p.breadthFullOrgs));
}

/** Share of all org-days in the window on which some host of some org talked to the endpoint. */
export function prevalence(s: Pick<EndpointStats, 'org_days' | 'orgs_total' | 'days_total'>): number {
  const cells = s.orgs_total * s.days_total;
  return cells > 0 ? clamp01(s.org_days / cells) : 0;
}

export function scannerLike(s: EndpointStats): boolean {
  return s.flows_in >= 0.95 * s.flows && s.orgs_engaged === 0 && s.ports_in >= 3;
}

export function scoreEndpoint(s: EndpointStats, p: InfraParams = INFRA_DEFAULTS): InfraScore {
  const limit = correlationLimit(s.orgs_total, s.days_total, p);
  const prev = prevalence(s);
  const scanner = scannerLike(s);
  const c = {
    breadth: r3(breadth(s.orgs, s.org_days, limit, p)),
    rarity: r3(clamp01(1 - prev / p.prevalenceCeiling)),
    engagement: r3(clamp01(s.orgs_engaged / p.engagedFullOrgs)),
    direction: s.flows_in > 0 && s.flows_in < s.flows ? 1 : p.oneWay,
    recency: r3(clamp01((s.first_seen - s.window_start) / p.recencyGraceSeconds)),
    ports: r3(s.flows > 0 ? 1 - s.common_flows / s.flows : 0),
    // "shortly after, a new endpoint": follow-ups to endpoints seen since the window opened count less
    follow: r3(clamp01(s.follow_orgs / 2) * clamp01((s.first_seen - s.window_start) / p.recencyGraceSeconds)),
    ioc: s.is_ioc && s.org_days <= limit && !scanner ? p.iocDirect : 0,
    scanner_damping: scanner ? p.scannerDamping : 1,
  };
  const w = p.weights;
  const support = clamp01(w.engagement * c.engagement + w.direction * c.direction + w.recency * c.recency + w.ports * c.ports
    + p.followSupport * c.follow);
  const base = c.breadth * support * c.rarity * c.scanner_damping;
  const score = r3(1 - (1 - base) * (1 - c.ioc));
  return {
    score, components: c, support: r3(support),
    flags: { over_correlating: s.org_days > limit, scanner_like: scanner, known_indicator: s.is_ioc },
  };
}

/** The numbers behind a score, for the finding's explanation (built only for endpoints reported). */
export function endpointNumbers(s: EndpointStats, p: InfraParams = INFRA_DEFAULTS): Record<string, number> {
  return {
      orgs: s.orgs, orgs_total: s.orgs_total, correlation_limit_org_days: correlationLimit(s.orgs_total, s.days_total, p),
      orgs_engaged: s.orgs_engaged, org_days: s.org_days, days_total: s.days_total, prevalence: r3(prevalence(s)),
      flows: s.flows, flows_inbound: s.flows_in, flows_outbound: s.flows - s.flows_in, engaged_sessions: s.engaged,
      bytes_up: s.bytes_up, ports_inbound: s.ports_in, flows_to_common_ports: s.common_flows,
      first_seen_after_window_start_s: Math.round(s.first_seen - s.window_start),
      follow_hosts: s.follow_hosts, follow_orgs: s.follow_orgs,
  };
}
