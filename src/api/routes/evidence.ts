// Evidence ledger (what came in, rows read/stored/rejected) and verification of the ledger and audit chains.
import type { FastifyInstance } from 'fastify';
import { ADMIN, TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { apiSql } from '../queries/sql.ts';

export function evidenceRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/evidence', {
    config: { roles: TEAM },
    schema: { summary: 'Evidence files, ledger entries and reject counts', tags: ['evidence'] },
  }, async () => {
    const evidence = await ctx.store.query(apiSql('evidence-list'));
    const ledger = ctx.kase.ledger.entries();
    return { evidence, ledger: ledger.slice(-500).reverse(), ledger_entries: ledger.length, last_verify: ctx.lastVerify ?? null };
  });

  app.post('/api/evidence/verify', {
    config: { roles: TEAM },
    schema: { summary: 'Re-hash every evidence file and check the ledger and audit hash chains', tags: ['evidence'] },
  }, async (req) => {
    const user = actor(req);
    const started = Date.now();
    const ledger = await ctx.kase.ledger.verify();
    const auditBroken = ctx.kase.audit.verify();
    const result = {
      ok: ledger.ok && !auditBroken, ledger, audit: auditBroken ? { ok: false, ...auditBroken } : { ok: true, entries: ctx.kase.audit.chain.entries().length },
      checked_at: Date.now() / 1000, seconds: (Date.now() - started) / 1000,
    };
    ctx.audit(user, 'verify', 'case', { ok: result.ok });
    ctx.lastVerify = result;
    return result;
  });

  app.get<{ Querystring: { limit: number } }>('/api/audit', {
    config: { roles: ADMIN },
    schema: { summary: 'The audit log (newest first) and whether its chain holds', tags: ['evidence'],
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 5000, default: 200 } } } },
  }, async (req) => {
    const all = ctx.kase.audit.chain.entries();
    const broken = ctx.kase.audit.verify();
    return { entries: all.slice(-req.query.limit).reverse(), total: all.length, verified: !broken, broken };
  });
}
