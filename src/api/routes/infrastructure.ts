// GET /api/infrastructure — flagged external endpoints ranked by the combined score of every analyzer that
// points at them, each score explained (per-finding components), with victims reached and who leased it.
// Indicator-only addresses that no victim ever reached are left to /api/indicators.
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { combinedScore, flaggedEndpoints } from '../flagged.ts';
import { apiSql } from '../queries/sql.ts';
import { isFullAccess, strictest } from '../tlp.ts';
import type { ApiUser } from '../users.ts';

interface Exposure { endpoint: number; orgs: number; connections: number; bytes_out: number; first_seen: number; last_seen: number }
interface LeaseRow { ip: number; provider: string; start: number; end: number | null; account_id: string; server_id: string | null; asn: number | null; country: string | null }

export function infrastructureRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: { limit: number } }>('/api/infrastructure', {
    config: { roles: ALL },
    schema: {
      summary: 'Flagged external endpoints, ranked, each score explained', tags: ['analysis'],
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } } },
    },
  }, async (req) => {
    const user = actor(req);
    const all = await ctx.cache.get(`infra:${ctx.audienceKey(user)}`, () => rankInfrastructure(ctx, user));
    return { total: all.length, endpoints: all.slice(0, req.query.limit) };
  });
}

async function rankInfrastructure(ctx: ApiContext, user: ApiUser) {
  const flagged = [...(await flaggedEndpoints(ctx, user)).values()];
  const keys = flagged.map((f) => f.key);
  if (keys.length === 0) return [];
  const exposure = new Map((await ctx.store.query<Exposure>(apiSql('endpoint-exposure'), { keys })).map((e) => [e.endpoint, e]));
  const leases = await ctx.store.query<LeaseRow>(apiSql('leases-at'), { keys });
  const ranked = flagged.filter((f) => f.findings.length > 0 || exposure.has(f.key)).map((f) => {
    const scores = f.findings.map((x) => x.score);
    const exp = exposure.get(f.key);
    const at = exp?.first_seen ?? f.findings[0]?.first_seen ?? null;
    const lease = leaseAt(leases.filter((l) => l.ip === f.key), at);
    return {
      ip: f.ip,
      score: combinedScore(scores),
      tlp: strictest(f.tlp),
      explanation: f.findings.map((x) => ({ analyzer: x.analyzer, kind: x.kind, score: x.score, confidence: x.confidence, tlp: x.tlp,
        components: (x.details.components as Record<string, unknown> | undefined) ?? null, details: x.details })),
      indicators: f.indicators,
      victims: exp ? { orgs: exp.orgs, connections: exp.connections, bytes_out: exp.bytes_out, first_seen: exp.first_seen, last_seen: exp.last_seen } : null,
      lease: lease ? { provider: lease.provider, asn: lease.asn, country: lease.country, start: lease.start, end: lease.end,
        ...(isFullAccess(user) ? { account_id: lease.account_id, server_id: lease.server_id } : {}) } : null,
    };
  });
  return ranked.sort((a, b) => b.score - a.score || (b.victims?.orgs ?? 0) - (a.victims?.orgs ?? 0) || a.ip.localeCompare(b.ip));
}

/** The lease active at `at` (IPs are re-leased: never take any lease of the address). */
export function leaseAt<T extends { start: number; end: number | null }>(leases: T[], at: number | null): T | null {
  if (at == null) return null;
  return leases.find((l) => l.start <= at && (l.end == null || at < l.end)) ?? null;
}
