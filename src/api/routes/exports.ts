// POST /api/exports/:format — STIX 2.1 bundle of the case's indicators up to a TLP ceiling (always recorded
// in the audit chain). MISP needs src/sinks/misp, which this build does not have yet: 501 until it lands.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { bundle, indicatorObject, type IndicatorRow } from '../stix.ts';
import { tlpRank } from '../tlp.ts';
import { TLP_ORDER } from '../../core/types.ts';

export function exportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Params: { format: 'stix' | 'misp' }; Body: { tlp: string } }>('/api/exports/:format', {
    config: { roles: TEAM },
    schema: {
      summary: 'Export indicators as a STIX 2.1 bundle (or MISP event) up to a TLP ceiling', tags: ['exports'],
      params: { type: 'object', required: ['format'], properties: { format: { type: 'string', enum: ['stix', 'misp'] } } },
      body: { type: 'object', additionalProperties: false, properties: { tlp: { type: 'string', enum: [...TLP_ORDER], default: 'green' } } },
    },
  }, async (req, reply) => {
    const user = actor(req);
    const ceiling = req.body?.tlp ?? 'green';
    if (req.params.format === 'misp') {
      const sink = fileURLToPath(new URL('../../sinks/misp/', import.meta.url));
      throw new ApiError(501, existsSync(sink)
        ? 'MISP export through the API is not wired yet; use `hoptrace export misp --case DIR --out FILE`'
        : 'MISP export is not available in this build (src/sinks/misp is missing); use the STIX export');
    }
    const tlps = TLP_ORDER.filter((t) => tlpRank(t) <= tlpRank(ceiling));
    const rows = await ctx.store.query<IndicatorRow>(
      `SELECT i.id, i.type, i.value, i.tlp, i.confidence, i.valid_from, i.valid_until, i.intrusion_set, i.labels, i.first_seen, i.last_seen,
              coalesce(e.received_at, 0) AS added
       FROM indicators i LEFT JOIN evidence e ON e.id = i.evidence_id
       WHERE i.tlp IN (SELECT unnest($tlps::VARCHAR[])) ORDER BY added, i.id`, { tlps });
    const out = bundle(rows.map(indicatorObject));
    ctx.audit(user, 'export.stix', String(out.id), { tlp: ceiling, objects: rows.length });
    return reply.type('application/stix+json;version=2.1')
      .header('Content-Disposition', `attachment; filename="hoptrace-indicators-tlp-${ceiling.replace('+', '-')}.json"`).send(out);
  });
}
