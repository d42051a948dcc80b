// Findings a user may see, and the flagged external endpoints they point at (findings whose subject is an
// address, plus indicator addresses). Most API views start from this set.
import { ipKey, keyToIp } from '../core/ip.ts';
import type { Finding, Tlp } from '../core/types.ts';
import type { FindingFilter } from '../store/store.ts';
import type { ApiContext } from './context.ts';
import { canSee, strictest } from './tlp.ts';
import type { ApiUser } from './users.ts';

export function addressedOrg(f: { details?: Record<string, unknown> | null; kind?: string; subject?: string }): string | null {
  const d = f.details ?? {};
  const org = d.org ?? d.victim ?? (f.kind === 'victim-impact' ? f.subject : null);
  return typeof org === 'string' ? org : null;
}

export async function visibleFindings(ctx: ApiContext, user: ApiUser, filter: FindingFilter = {}): Promise<Finding[]> {
  const all = await ctx.cache.get(`findings:${JSON.stringify(filter)}`, async () => {
    const restricted = await restrictedValues(ctx);
    return (await ctx.store.findings(filter)).map((f) => ({ ...f, tlp: effectiveTlp(f, restricted) }));
  });
  return all.filter((f) => canSee(user, f.tlp, addressedOrg(f)));
}

/** Indicator values marked above GREEN, with their marking (a finding that names one inherits it). */
async function restrictedValues(ctx: ApiContext): Promise<Map<string, string>> {
  return ctx.cache.get('restricted-values', async () => {
    const rows = await ctx.store.query<{ value: string; tlp: string }>("SELECT value, tlp FROM indicators WHERE tlp NOT IN ('clear', 'green')");
    const out = new Map<string, string>();
    for (const r of rows) out.set(r.value.toLowerCase(), strictest(out.get(r.value.toLowerCase()), r.tlp));
    return out;
  });
}

/** Most restrictive marking wins: the finding's own, or that of any restricted indicator it names. */
export function effectiveTlp(f: Finding, restricted: Map<string, string>): Tlp {
  if (restricted.size === 0) return f.tlp;
  const marks: string[] = [f.tlp];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const token of v.toLowerCase().split(/[\s>|,;()\[\]→]+/)) {
        const m = restricted.get(token) ?? restricted.get(token.replace(/:\d+$/, ''));
        if (m) marks.push(m);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(f.subject);
  visit(f.details);
  return strictest(...marks);
}

export interface FlaggedEndpoint { key: number; ip: string; findings: Finding[]; indicators: Array<{ id: string; type: string; tlp: string; source: string; intrusion_set: string | null }>; tlp: string }

export async function flaggedEndpoints(ctx: ApiContext, user: ApiUser): Promise<Map<number, FlaggedEndpoint>> {
  return ctx.cache.get(`flagged:${ctx.audienceKey(user)}`, async () => {
    const out = new Map<number, FlaggedEndpoint>();
    const entry = (key: number, ip: string) => {
      let e = out.get(key);
      if (!e) out.set(key, (e = { key, ip, findings: [], indicators: [], tlp: 'clear' }));
      return e;
    };
    for (const f of await visibleFindings(ctx, user)) {
      const key = ipKey(f.subject);
      if (key != null) entry(key, f.subject).findings.push(f);
    }
    const inds = await ctx.store.query<{ id: string; type: string; value: string; ip: number; tlp: string; source: string; intrusion_set: string | null }>(
      "SELECT id, type, value, ip, tlp, source, intrusion_set FROM indicators WHERE ip IS NOT NULL");
    for (const i of inds) {
      if (!canSee(user, i.tlp)) continue;
      entry(i.ip, i.value).indicators.push({ id: i.id, type: i.type, tlp: i.tlp, source: i.source, intrusion_set: i.intrusion_set });
    }
    for (const e of out.values()) e.tlp = strictest(...e.findings.map((f) => f.tlp), ...e.indicators.map((i) => i.tlp));
    return out;
  });
}

export async function ipTexts(ctx: ApiContext, keys: number[]): Promise<(key: number) => string> {
  const v6 = await ctx.store.ip6Texts(keys);
  return (key: number) => keyToIp(key, v6) ?? `ipv6#${key}`;
}

/** 1 - Π(1 - s): independent analyzers pointing at the same endpoint reinforce each other. */
export function combinedScore(scores: number[]): number {
  return 1 - scores.reduce((p, s) => p * (1 - Math.min(1, Math.max(0, s))), 1);
}

/** A key list safe to bind as $keys::BIGINT[]: DuckDB cannot type an empty list, so an unmatchable key stands in. */
export function keyList(keys: number[]): number[] {
  return keys.length ? keys : [Number.MIN_SAFE_INTEGER];
}
