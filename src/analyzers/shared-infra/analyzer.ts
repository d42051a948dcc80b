// `shared-infra`: ranks external endpoints (IPs, and the names they were reached by) by evidence that
// they are campaign infrastructure shared across victims. Set logic in the .sql files, math in score.ts.
import { z } from 'zod';
import { keyToIp } from '../../core/ip.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { INFRA_DEFAULTS, endpointNumbers, type InfraParams } from './score.ts';
import { scoreEndpoints, type ScoredEndpoint } from './endpoints.ts';

export const InfraParamsSchema = z.object({
  breadthFullOrgs: z.number().int().min(2).default(INFRA_DEFAULTS.breadthFullOrgs),
  correlationLimitMin: z.number().int().min(2).default(INFRA_DEFAULTS.correlationLimitMin),
  correlationLimitShare: z.number().min(0).max(1).default(INFRA_DEFAULTS.correlationLimitShare),
  prevalenceCeiling: z.number().gt(0).max(1).default(INFRA_DEFAULTS.prevalenceCeiling),
  engagedFullOrgs: z.number().int().min(1).default(INFRA_DEFAULTS.engagedFullOrgs),
  recencyGraceSeconds: z.number().min(1).default(INFRA_DEFAULTS.recencyGraceSeconds),
  /** Ports ordinary clients and servers use every day (flows to them add no port evidence). */
  commonPorts: z.array(z.number().int()).default([80, 443, 53, 123, 25, 587, 993, 995, 143, 110]),
  weights: z.object({ engagement: z.number(), direction: z.number(), recency: z.number(), ports: z.number() })
    .refine((w) => Math.abs(w.engagement + w.direction + w.recency + w.ports - 1) < 1e-9, 'weights must sum to 1')
    .default(INFRA_DEFAULTS.weights),
  scannerDamping: z.number().min(0).max(1).default(INFRA_DEFAULTS.scannerDamping),
  iocDirect: z.number().min(0).max(1).default(INFRA_DEFAULTS.iocDirect),
  oneWay: z.number().min(0).max(1).default(INFRA_DEFAULTS.oneWay),
  followSupport: z.number().min(0).max(1).default(INFRA_DEFAULTS.followSupport),
  /** A session counts as engaged when established and this long or this big. */
  longSeconds: z.number().min(0).default(30),
  longBytes: z.number().min(0).default(20000),
  /** "Shortly after" touching a known indicator. */
  followSeconds: z.number().min(1).default(86400),
  /** Findings for endpoints scoring at least this. */
  minScore: z.number().min(0).max(1).default(0.2),
  /** At most this many endpoint findings (the ranking's head; the tail is not worth an analyst's time). */
  maxFindings: z.number().int().min(1).default(2000),
});
export type InfraAnalyzerParams = z.infer<typeof InfraParamsSchema>;

export const sharedInfraAnalyzer: Analyzer<InfraAnalyzerParams> = {
  id: 'shared-infra',
  version: '1.0.0',
  description: 'external endpoints ranked by evidence of shared campaign infrastructure across victim orgs',
  needs: { tables: ['flows', 'dns', 'tls', 'indicators'], analyzers: [] },
  params: InfraParamsSchema,
  async *run(ctx) {
    const scored = await scoreEndpoints(ctx.store, ctx.params, ctx.log);
    ctx.log(`${scored.endpoints.length} external endpoints scored`);
    const shown = scored.endpoints.filter((e) => e.score.score >= ctx.params.minScore).slice(0, ctx.params.maxFindings);
    const domains = scored.domains.filter((x) => x.score >= ctx.params.minScore).slice(0, ctx.params.maxFindings);
    const v6 = await ctx.store.ip6Texts([...shown.map((e) => e.ep), ...domains.flatMap((d) => d.eps)].filter((k) => k < 0));
    for (const e of shown) {
      const ip = keyToIp(e.ep, v6) ?? String(e.ep);
      yield makeFinding({
        analyzer: 'shared-infra', kind: 'endpoint', subject: ip, score: e.score.score, tlp: 'amber',
        first_seen: e.stats.first_seen, last_seen: e.stats.last_seen,
        details: { ip, names: e.names.map((n) => n.name), ...explain(e, ctx.params) },
      });
    }
    for (const d of domains) {
      yield makeFinding({
        analyzer: 'shared-infra', kind: 'endpoint', subject: d.name, score: d.score, tlp: 'amber',
        first_seen: d.first_seen, last_seen: d.last_seen,
        details: { domain: d.name, orgs_using_name: d.orgs, ips: d.eps.map((k) => keyToIp(k, v6) ?? String(k)), score_from: 'highest-scoring address it resolved to' },
      });
    }
  },
};

function explain(e: ScoredEndpoint, p: InfraParams) {
  return { components: e.score.components, support: e.score.support, flags: e.score.flags, numbers: endpointNumbers(e.stats, p) };
}
