// GET /api/indicators — indicators of the case; partners get TLP:CLEAR and TLP:GREEN only (filtered in SQL).
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { apiSql } from '../queries/sql.ts';
import { isFullAccess, publicTlps } from '../tlp.ts';
import { TLP_ORDER } from '../../core/types.ts';

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
    const tlps = isFullAccess(actor(req)) ? TLP_ORDER : publicTlps();
    const params = { type: type ?? '', q: q ? `%${q.toLowerCase()}%` : '', tlps };
    const total = await ctx.store.query<{ n: number }>(apiSql('indicators-count'), params);
    const rows = await ctx.store.query(apiSql('indicators-page'), { ...params, limit, offset });
    return { total: total[0].n, offset, indicators: rows.map((r: any) => ({ ...r, labels: r.labels ? JSON.parse(r.labels) : [] })) };
  });
}
