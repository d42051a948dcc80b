// GET /api/identities — clusters of provider accounts believed to be one renter, with the accounts' fields
// side by side and which fields agree. Personal data: team only.
import type { FastifyInstance } from 'fastify';
import { TEAM } from '../auth.ts';
import { fieldAgreement } from '../agreement.ts';
import type { ApiContext } from '../context.ts';

interface ClusterRow { cluster_id: string; account_ids: string; confidence: number; explanation: string | null }

export function identityRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/identities', {
    config: { roles: TEAM },
    schema: { summary: 'Identity clusters with field-by-field agreement (contains PII)', tags: ['analysis'] },
  }, async () => {
    const clusters = await ctx.store.query<ClusterRow>('SELECT cluster_id, account_ids, confidence, explanation FROM identities ORDER BY confidence DESC, cluster_id');
    const findings = await ctx.store.findings({ kind: 'identity-cluster' });
    const accounts = await ctx.store.query<Record<string, unknown>>(
      `SELECT provider, account_id, name, name_norm, email, email_norm, phone, address, postcode, birth_date, payment_fp, signup_ip, signup_ts
       FROM accounts ORDER BY provider, account_id`);
    const byRef = new Map(accounts.flatMap((a) => [[`${a.provider}:${a.account_id}`, a], [String(a.account_id), a]]));
    return {
      clusters: clusters.map((c) => {
        const ids: string[] = JSON.parse(c.account_ids);
        const members = ids.map((id) => byRef.get(id) ?? { provider: null, account_id: id, missing: true });
        return {
          cluster_id: c.cluster_id, confidence: c.confidence, account_ids: ids,
          explanation: c.explanation ? JSON.parse(c.explanation) : [],
          finding: findings.find((f) => f.subject === c.cluster_id || f.details.cluster_id === c.cluster_id) ?? null,
          accounts: members, agreement: fieldAgreement(members),
        };
      }),
    };
  });
}
