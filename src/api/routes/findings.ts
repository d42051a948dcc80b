// GET /api/findings — findings per analyzer, filtered by TLP; GET /api/findings/analyzers — counts.
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { visibleFindings } from '../flagged.ts';

const name = { type: 'string', pattern: '^[A-Za-z0-9_.+-]{1,64}$' } as const;

export function findingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: { analyzer?: string; kind?: string; min_score?: number; limit: number; offset: number } }>('/api/findings', {
    config: { roles: ALL },
    schema: {
      summary: 'Findings, best first, filtered by TLP and role', tags: ['findings'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { analyzer: name, kind: name, min_score: { type: 'number', minimum: 0, maximum: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 } },
      },
    },
  }, async (req) => {
    const q = req.query;
    const list = await visibleFindings(ctx, actor(req), { analyzer: q.analyzer, kind: q.kind, minScore: q.min_score });
    return { total: list.length, offset: q.offset, findings: list.slice(q.offset, q.offset + q.limit) };
  });

  app.get('/api/findings/analyzers', {
    config: { roles: ALL },
    schema: { summary: 'Finding counts per analyzer and kind', tags: ['findings'] },
  }, async (req) => {
    const counts = new Map<string, { analyzer: string; kind: string; count: number; top_score: number }>();
    for (const f of await visibleFindings(ctx, actor(req))) {
      const k = `${f.analyzer}|${f.kind}`;
      const c = counts.get(k) ?? { analyzer: f.analyzer, kind: f.kind, count: 0, top_score: 0 };
      c.count++;
      c.top_score = Math.max(c.top_score, f.score);
      counts.set(k, c);
    }
    return { analyzers: [...counts.values()] };
  });
}
