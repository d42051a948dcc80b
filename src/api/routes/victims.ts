// GET /api/victims — victim orgs with their impact (contact with flagged infrastructure, impact findings)
// and notification status. A partner sees only its own organisation.
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { addressedOrg, flaggedEndpoints, visibleFindings } from '../flagged.ts';
import { apiSql } from '../queries/sql.ts';
import type { ApiUser } from '../users.ts';

interface OrgRow { id: string; name: string; sector: string | null; country: string | null; networks: string | null }
interface Exposure { org: string; connections: number; endpoints: number; hosts: number; bytes_out: number; first_seen: number; last_seen: number }

export function victimRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/victims', {
    config: { roles: ALL },
    schema: { summary: 'Victim organisations: impact and notification status', tags: ['victims'] },
  }, async (req) => {
    const user = actor(req);
    return ctx.cache.get(`victims:${ctx.audienceKey(user)}`, () => listVictims(ctx, user));
  });
}

async function listVictims(ctx: ApiContext, user: ApiUser) {
  const org = user.role === 'partner' ? user.org ?? '-' : '';
  const orgs = await ctx.store.query<OrgRow>("SELECT id, name, sector, country, networks FROM orgs WHERE ($org = '' OR id = $org) ORDER BY id", { org });
  const keys = [...(await flaggedEndpoints(ctx, user)).keys()];
  const exposure = new Map((keys.length ? await ctx.store.query<Exposure>(apiSql('org-exposure'), { keys, org }) : []).map((e) => [e.org, e]));
  const notes = await ctx.store.query<{ id: string; org: string; status: string; tlp: string; updated_at: number }>(
    "SELECT id, org, status, tlp, updated_at FROM notifications WHERE ($org = '' OR org = $org) ORDER BY updated_at DESC", { org });
  const findings = await visibleFindings(ctx, user);
  const victims = orgs.map((o) => {
    const impact = findings.filter((f) => addressedOrg(f) === o.id);
    return {
      id: o.id, name: o.name, sector: o.sector, country: o.country, networks: o.networks ? JSON.parse(o.networks) : [],
      exposure: exposure.get(o.id) ?? null,
      impact: impact.map((f) => ({ id: f.id, analyzer: f.analyzer, kind: f.kind, subject: f.subject, score: f.score, tlp: f.tlp, org: o.id, details: f.details })),
      impact_score: impact.reduce((m, f) => Math.max(m, f.kind === 'victim-impact' ? f.score : 0), 0),
      notification: notes.find((n) => n.org === o.id) ?? null,
    };
  });
  const affected = victims.filter((v) => v.exposure || v.impact.length || v.notification);
  affected.sort((a, b) => b.impact_score - a.impact_score || (b.exposure?.connections ?? 0) - (a.exposure?.connections ?? 0) || a.id.localeCompare(b.id));
  return { total: affected.length, orgs: orgs.length, victims: affected };
}
