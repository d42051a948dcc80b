import { describe, expect, it } from 'vitest';
import { INFRA_DEFAULTS, breadth, correlationLimit, endpointNumbers, prevalence, scoreEndpoint, type EndpointStats } from './score.ts';

const DAY = 86400;
const W0 = 1_600_000_000;
const base: EndpointStats = {
  orgs: 1, orgs_engaged: 1, org_days: 1, ports_in: 0,
  flows: 10, flows_in: 0, common_flows: 10, engaged: 10, bytes_up: 5000, first_seen: W0, last_seen: W0 + DAY,
  orgs_total: 200, days_total: 21, window_start: W0, window_end: W0 + 21 * DAY,
  is_ioc: false, follow_hosts: 0, follow_orgs: 0,
};
const ep = (o: Partial<EndpointStats>): EndpointStats => ({ ...base, ...o });

const attacker = ep({ orgs: 12, orgs_engaged: 6, org_days: 40, ports_in: 2, 
  flows: 900, flows_in: 400, common_flows: 0, first_seen: W0 + 3 * DAY });
const c2Only = ep({ orgs: 5, orgs_engaged: 5, org_days: 50, flows: 3000, common_flows: 3000, first_seen: W0 + 5 * DAY });
const cdn = ep({ orgs: 200, orgs_engaged: 200, org_days: 4150, flows: 1e6, common_flows: 1e6 });
const popular = ep({ orgs: 60, orgs_engaged: 60, org_days: 1200, flows: 50000, common_flows: 50000 });
const scannerAll = ep({ orgs: 200, orgs_engaged: 0, org_days: 4200, ports_in: 7, 
  flows: 25000, flows_in: 25000, common_flows: 3000 });
const scannerSome = ep({ orgs: 15, orgs_engaged: 0, org_days: 40, ports_in: 6, 
  flows: 900, flows_in: 900, common_flows: 100, first_seen: W0 + 2 * DAY });
const partner = ep({ orgs: 1, orgs_engaged: 1, org_days: 21, common_flows: 0, first_seen: W0 + 4 * DAY });

describe('shared-infra endpoint score', () => {
  it.each([
    { name: 'attacker server: many orgs, in and out, engaged, new, odd port', s: attacker, min: 0.6, max: 1 },
    { name: 'C2 on 443 reached by five orgs', s: c2Only, min: 0.35, max: 0.8 },
    { name: 'CDN every org every day', s: cdn, min: 0, max: 0 },
    { name: 'popular service at 60 orgs most days', s: popular, min: 0, max: 0.2 },
    { name: 'research scanner touching every org', s: scannerAll, min: 0, max: 0 },
    { name: 'scanner below the correlation limit', s: scannerSome, min: 0, max: 0.2 },
    { name: 'one org\'s own partner', s: partner, min: 0, max: 0 },
    { name: 'known indicator seen at one org', s: ep({ is_ioc: true }), min: 0.9, max: 0.9 },
  ])('$name → [$min, $max]', ({ s, min, max }) => {
    const r = scoreEndpoint(s);
    expect(r.score).toBeGreaterThanOrEqual(min);
    expect(r.score).toBeLessThanOrEqual(max);
    for (const v of Object.values(r.components)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('adds follow-up support for endpoints reached right after a known indicator, but no breadth of its own', () => {
    const three = ep({ orgs: 3, org_days: 3, first_seen: W0 + 2 * DAY });
    const followed = ep({ orgs: 3, org_days: 3, first_seen: W0 + 2 * DAY, follow_orgs: 2, follow_hosts: 3 });
    const everyday = ep({ orgs: 3, org_days: 3, first_seen: W0, follow_orgs: 2, follow_hosts: 3 });
    expect(scoreEndpoint(everyday).components.follow).toBe(0); // seen since the window opened: not a new endpoint
    expect(scoreEndpoint(followed).score - scoreEndpoint(three).score).toBeCloseTo(0.3 * scoreEndpoint(three).components.breadth * scoreEndpoint(three).components.rarity, 2);
    expect(scoreEndpoint(ep({ follow_orgs: 2 })).score).toBe(0); // one org: follow-ups alone make no shared infrastructure
  });

  it('trusts a known indicator only when it is no over-correlating value or scanner', () => {
    expect(scoreEndpoint(ep({ is_ioc: true, orgs: 150, org_days: 3000 })).components.ioc).toBe(0);
    expect(scoreEndpoint({ ...scannerSome, is_ioc: true }).components.ioc).toBe(0);
  });

  it('ranks the attacker above the C2-only endpoint above the scanner', () => {
    const [a, c, s] = [attacker, c2Only, scannerSome].map((x) => scoreEndpoint(x).score);
    expect(a).toBeGreaterThan(c);
    expect(c).toBeGreaterThan(s);
  });

  it.each([
    { orgsTotal: 4, daysTotal: 2, limit: 20 },
    { orgsTotal: 200, daysTotal: 21, limit: 2100 },
    { orgsTotal: 41, daysTotal: 1, limit: 21 },
  ])('correlation limit for $orgsTotal orgs × $daysTotal days is $limit org-days', ({ orgsTotal, daysTotal, limit }) => {
    expect(correlationLimit(orgsTotal, daysTotal, INFRA_DEFAULTS)).toBe(limit);
  });

  it.each([
    { orgs: 1, orgDays: 5, b: 0 }, { orgs: 2, orgDays: 5, b: 1 / 3 }, { orgs: 4, orgDays: 5, b: 2 / 3 }, { orgs: 8, orgDays: 9, b: 1 },
    { orgs: 50, orgDays: 60, b: 1 }, { orgs: 50, orgDays: 101, b: 0 },
  ])('breadth of $orgs orgs seen on $orgDays org-days under a limit of 100 is $b', ({ orgs, orgDays, b }) => {
    expect(breadth(orgs, orgDays, 100, INFRA_DEFAULTS)).toBeCloseTo(b, 10);
  });

  it('a campaign that scanned most victims on a few days still correlates; everyday traffic does not', () => {
    const campaign = ep({ ...attacker, orgs: 150, org_days: 300 });
    expect(scoreEndpoint(campaign).flags.over_correlating).toBe(false);
    expect(scoreEndpoint(campaign).score).toBeGreaterThan(0.5);
    expect(scoreEndpoint(cdn).flags.over_correlating).toBe(true);
  });

  it.each([
    { org_days: 0, orgs_total: 10, days_total: 10, p: 0 },
    { org_days: 25, orgs_total: 10, days_total: 10, p: 0.25 },
    { org_days: 5, orgs_total: 0, days_total: 0, p: 0 },
  ])('prevalence $org_days / ($orgs_total × $days_total) = $p', (x) => {
    expect(prevalence(x)).toBe(x.p);
  });

  it('explains itself: flags and the numbers behind every component', () => {
    const r = scoreEndpoint(scannerAll);
    expect(r.flags).toEqual({ over_correlating: true, scanner_like: true, known_indicator: false });
    expect(endpointNumbers(scannerAll)).toMatchObject({ orgs: 200, correlation_limit_org_days: 2100, prevalence: 1, orgs_engaged: 0, flows_to_common_ports: 3000 });
    const a = scoreEndpoint(attacker);
    expect(a.components).toMatchObject({ direction: 1, ports: 1, recency: 1, ioc: 0, scanner_damping: 1 });
  });
});
