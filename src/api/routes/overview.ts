// GET /api/overview — headline counts and the attack timeline across victims (cached per audience).
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { flaggedEndpoints, visibleFindings } from '../flagged.ts';
import { apiSql } from '../queries/sql.ts';
import type { ApiUser } from '../users.ts';

const BUCKETS = [300, 900, 3600, 6 * 3600, 86400, 7 * 86400];
const MAX_SERIES = 12;

export function overviewRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/overview', {
    config: { roles: ALL },
    schema: { summary: 'Case counts and the attack timeline across victims', tags: ['case'] },
  }, async (req, reply) => {
    const user = actor(req);
    return ctx.sendCachedJson(reply, user, 'overview', () => buildOverview(ctx, user));
  });
}

export function chooseBucket(spanSeconds: number, maxBuckets = 200): number {
  return BUCKETS.find((b) => spanSeconds / b <= maxBuckets) ?? BUCKETS[BUCKETS.length - 1];
}

export async function buildOverview(ctx: ApiContext, user: ApiUser) {
  const team = user.role !== 'partner';
  const findings = await visibleFindings(ctx, user);
  const byAnalyzer: Record<string, number> = {};
  for (const f of findings) byAnalyzer[f.analyzer] = (byAnalyzer[f.analyzer] ?? 0) + 1;
  const flagged = await flaggedEndpoints(ctx, user);
  const keys = [...flagged.keys()];
  const org = team ? '' : user.org ?? '-';
  const counts = team ? (await ctx.store.query(apiSql('case-counts')))[0] : { findings: findings.length };
  const notifications = await ctx.store.query<{ status: string; n: number }>(
    "SELECT status, count(*) AS n FROM notifications WHERE ($org = '' OR org = $org) GROUP BY status ORDER BY status", { org });
  const timeline = await attackTimeline(ctx, keys, org);
  return {
    audience: team ? 'team' : `partner ${user.org}`,
    counts: { ...counts, flagged_endpoints: keys.length, visible_findings: findings.length },
    findings_by_analyzer: byAnalyzer,
    notifications: Object.fromEntries(notifications.map((r) => [r.status, r.n])),
    timeline,
    generated_at: Date.now() / 1000,
  };
}

async function attackTimeline(ctx: ApiContext, keys: number[], org: string) {
  if (keys.length === 0) return { bucket: 3600, times: [], series: [] };
  const span = (await ctx.store.query<{ lo: number | null; hi: number | null }>(apiSql('flagged-span'), { keys, org }))[0];
  if (span.lo == null || span.hi == null) return { bucket: 3600, times: [], series: [] };
  const bucket = chooseBucket(span.hi - span.lo);
  const rows = await ctx.store.query<{ org: string; t: number; connections: number }>(apiSql('flagged-activity'), { keys, org, bucket });
  const times: number[] = [];
  for (let t = Math.floor(span.lo / bucket) * bucket; t <= span.hi; t += bucket) times.push(t);
  const index = new Map(times.map((t, i) => [t, i]));
  const perOrg = new Map<string, number[]>();
  for (const r of rows) {
    let s = perOrg.get(r.org);
    if (!s) perOrg.set(r.org, (s = new Array(times.length).fill(0)));
    s[index.get(r.t) ?? 0] += r.connections;
  }
  const ranked = [...perOrg.entries()].map(([o, values]) => ({ org: o, values, total: values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total);
  const series = ranked.slice(0, MAX_SERIES);
  if (ranked.length > MAX_SERIES) {
    const rest = new Array(times.length).fill(0);
    for (const s of ranked.slice(MAX_SERIES)) s.values.forEach((v, i) => (rest[i] += v));
    series.push({ org: `${ranked.length - MAX_SERIES} other victims`, values: rest, total: rest.reduce((a, b) => a + b, 0) });
  }
  return { bucket, times, series, victims: ranked.length };
}
