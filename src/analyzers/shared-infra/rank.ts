// The endpoint-stats query's rows and the parameters of its ranking (score.ts's formula in SQL, used only to
// prune endpoints that cannot make the findings; rank.test.ts keeps the two equal).
import { correlationLimit, type EndpointStats, type InfraParams } from './score.ts';

export type Totals = Pick<EndpointStats, 'orgs_total' | 'days_total' | 'window_start' | 'window_end'>;
type Extras = Pick<EndpointStats, 'is_ioc' | 'follow_hosts' | 'follow_orgs'>;
/** An endpoint-stats row; follow_* are NULL where the engine's SQL leaves follow-ups to follow.ts. */
export type StatsRow = Omit<EndpointStats, keyof Extras | keyof Totals> & {
  ep: number; is_ioc: number | boolean; follow_hosts: number | null; follow_orgs: number | null; rank_score: number | null;
};

/** How far below the cut the SQL ranking keeps endpoints (several rounding steps of the 3-decimal score). */
export const RANK_SLACK = 0.01;
/** Larger gaps between rank_score and score.ts mean the two formulas drifted apart: pruning is then not trusted. */
export const RANK_TOLERANCE = 0.005;
const DAY = 86400;

export function statsOf(r: StatsRow, totals: Totals, extras: Extras): EndpointStats {
  return {
    orgs: Number(r.orgs), orgs_engaged: Number(r.orgs_engaged), org_days: Number(r.org_days), ports_in: Number(r.ports_in),
    flows: Number(r.flows), flows_in: Number(r.flows_in), common_flows: Number(r.common_flows), engaged: Number(r.engaged),
    bytes_up: Number(r.bytes_up), first_seen: r.first_seen, last_seen: r.last_seen, ...totals, ...extras,
  };
}

/** Window numbers and weights for endpoint-stats.sql; `prune = false` keeps every eligible endpoint. */
export function rankParams(t: Totals, p: InfraParams & { minScore: number; maxFindings: number }, prune: boolean) {
  return {
    day0: Math.floor(t.window_start / DAY), day1: Math.floor(t.window_end / DAY),
    windowStart: t.window_start, windowEnd: t.window_end, cells: t.orgs_total * t.days_total,
    limitOrgDays: correlationLimit(t.orgs_total, t.days_total, p),
    breadthFullOrgs: p.breadthFullOrgs, prevalenceCeiling: p.prevalenceCeiling, engagedFullOrgs: p.engagedFullOrgs,
    recencyGraceSeconds: p.recencyGraceSeconds, oneWay: p.oneWay, scannerDamping: p.scannerDamping, iocDirect: p.iocDirect,
    wEngagement: p.weights.engagement, wDirection: p.weights.direction, wRecency: p.weights.recency, wPorts: p.weights.ports,
    followSupport: p.followSupport,
    minScore: prune ? p.minScore : -1, maxFindings: prune ? p.maxFindings : 2 ** 31 - 1, rankSlack: RANK_SLACK,
  };
}
