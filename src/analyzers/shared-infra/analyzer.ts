// `shared-infra`: ranks external endpoints (IPs, and the names they were reached by) by evidence that
// they are campaign infrastructure shared across victims. Set logic in the .sql files, math in score.ts.
import { z } from 'zod';
import { keyToIp } from '../../core/ip.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { INFRA_DEFAULTS } from './score.ts';
import { scoreEndpoints, type ScoredEndpoint } from './endpoints.ts';

export const InfraParamsSchema = z.object({
  breadthFullOrgs: z.number().int().min(2).default(INFRA_DEFAULTS.breadthFullOrgs),
  correlationLimitMin: z.number().int().min(2).default(INFRA_DEFAULTS.correlationLimitMin),
  correlationLimitShare: z.number().min(0).max(1).default(INFRA_DEFAULTS.correlationLimitShare),
  prevalenceCeiling: z.number().gt(0).max(1).default(INFRA_DEFAULTS.prevalenceCeiling),
  engagedFullOrgs: z.number().int().min(1).default(INFRA_DEFAULTS.engagedFullOrgs),
  recencyGraceSeconds: z.number().min(1).default(INFRA_DEFAULTS.recencyGraceSeconds),
  commonPorts: z.array(z.number().int()).default(INFRA_DEFAULTS.commonPorts),
  weights: z.object({ engagement: z.number(), direction: z.number(), recency: z.number(), ports: z.number() })
    .refine((w) => Math.abs(w.engagement + w.direction + w.recency + w.ports - 1) < 1e-9, 'weights must sum to 1')
    .default(INFRA_DEFAULTS.weights),
  scannerDamping: z.number().min(0).max(1).default(INFRA_DEFAULTS.scannerDamping),
  iocDirect: z.number().min(0).max(1).default(INFRA_DEFAULTS.iocDirect),
  iocFollow: z.number().min(0).max(1).default(INFRA_DEFAULTS.iocFollow),
  /** A session counts as engaged when established and this long or this big. */
  longSeconds: z.number().min(0).default(30),
  longBytes: z.number().min(0).default(20000),
  /** "Shortly after" touching a known indicator. */
  followSeconds: z.number().min(1).default(86400),
  /** Findings for endpoints scoring at least this. */
  minScore: z.number().min(0).max(1).default(0.2),
});
export type InfraAnalyzerParams = z.infer<typeof InfraParamsSchema>;

export const sharedInfraAnalyzer: Analyzer<InfraAnalyzerParams> = {
  id: 'shared-infra',
  version: '1.0.0',
  description: 'external endpoints ranked by evidence of shared campaign infrastructure across victim orgs',
  needs: { tables: ['flows', 'dns', 'tls', 'indicators'], analyzers: [] },
  params: InfraParamsSchema,
  async *run(ctx) {
    const scored = await scoreEndpoints(ctx.store, ctx.params);
    ctx.log(`${scored.endpoints.length} external endpoints scored`);
    const v6 = await ctx.store.ip6Texts(scored.endpoints.filter((e) => e.ep < 0).map((e) => e.ep));
    for (const e of scored.endpoints) {
      if (e.score.score < ctx.params.minScore) continue;
      const ip = keyToIp(e.ep, v6) ?? String(e.ep);
      yield makeFinding({
        analyzer: 'shared-infra', kind: 'endpoint', subject: ip, score: e.score.score, tlp: 'amber',
        first_seen: e.stats.first_seen, last_seen: e.stats.last_seen,
        details: { ip, names: e.names.map((n) => n.name), ...explain(e) },
      });
    }
    for (const d of scored.domains) {
      if (d.score < ctx.params.minScore) continue;
      yield makeFinding({
        analyzer: 'shared-infra', kind: 'endpoint', subject: d.name, score: d.score, tlp: 'amber',
        first_seen: d.first_seen, last_seen: d.last_seen,
        details: { domain: d.name, orgs_using_name: d.orgs, ips: d.eps.map((k) => keyToIp(k, v6) ?? String(k)), score_from: 'highest-scoring address it resolved to' },
      });
    }
  },
};

function explain(e: ScoredEndpoint) {
  return { components: e.score.components, flags: e.score.flags, numbers: e.score.numbers };
}
