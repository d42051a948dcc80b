// GET /api/indicators — indicators of the case; partners get TLP:CLEAR and TLP:GREEN only (filtered in SQL).
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { isFullAccess, publicTlps } from '../tlp.ts';

const ALL_TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export function indicatorRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: { type?: string; q?: string; limit: number; offset: number } }>('/api/indicators', {
    config: { roles: ALL },
    schema: {
      summary: 'Indicators (IOCs) with source, TLP, confidence and actor', tags: ['intel'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { type: { type: 'string', enum: ['ipv4', 'ipv6', 'cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'ja3', 'other'] },
          q: { type: 'string', maxLength: 200 },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 } },
      },
    },
  }, async (req) => {
    const { type, q, limit, offset } = req.query;
    const tlps = isFullAccess(actor(req)) ? ALL_TLPS : publicTlps();
    const params = { type: type ?? '', q: q ? `%${q.toLowerCase()}%` : '', tlps };
    const filter = "AND ($type = '' OR type = $type) AND ($q = '' OR lower(value) LIKE $q)";
    const where = { duckdb: `tlp IN (SELECT unnest($tlps::VARCHAR[])) ${filter}`, clickhouse: `has($tlps, tlp) ${filter}` };
    const both = (f: (w: string) => string) => ({ duckdb: f(where.duckdb), clickhouse: f(where.clickhouse) });
    const total = await ctx.store.query<{ n: number }>(both((w) => `SELECT count(*) AS n FROM indicators WHERE ${w}`), params);
    const rows = await ctx.store.query(both((w) =>
      `SELECT id, type, value, source, tlp, confidence, valid_from, valid_until, intrusion_set, labels, first_seen, last_seen
       FROM indicators WHERE ${w} ORDER BY coalesce(last_seen, valid_from) DESC NULLS LAST, id LIMIT $limit OFFSET $offset`), { ...params, limit, offset });
    return { total: total[0].n, offset, indicators: rows.map((r: any) => ({ ...r, labels: r.labels ? JSON.parse(r.labels) : [] })) };
  });
}
