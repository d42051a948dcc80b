// ioc-match: flows, DNS and TLS against indicators, within each source's validity window. One finding per
// (indicator, org); an indicator seen only outside every window (or on a re-leased IP) gives an 'ioc-stale'
// finding saying so.
import { z } from 'zod';
import { TLP_ORDER, type Finding, type Tlp } from '../../core/types.ts';
import { resolveActors } from '../../enrich/actors/index.ts';
import { mergedIndicators, type MergedIndicator } from '../../enrich/indicators.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { hitScore, overPrevalent } from './score.ts';

const params = z.object({
  defaultConfidence: z.number().min(0).max(100).default(60),
  reportStale: z.boolean().default(true),
  /** Indicators matching more than this share of the case's orgs get their score halved (≥ 5 orgs). */
  prevalenceCap: z.number().min(0).max(1).default(0.5),
  /** Opt-in retro-hunting: also count observations up to this many days before an indicator's valid_from. */
  retroDays: z.number().min(0).max(3650).default(0),
});
type Params = z.infer<typeof params>;

interface MatchRow {
  id: string; org: string | null; hits: number; retro_hits: number; stale_hits: number; released_hits: number; first_seen: number | null; last_seen: number | null;
  stale_first_seen: number | null; stale_last_seen: number | null; via: string[]; stale_via: string[];
  matched_sources: string[]; evidence_ids: string[];
}
interface SourceRow { id: string; source: string; confidence: number | null; tlp: Tlp; valid_from: number | null; valid_until: number | null }

export const iocMatchAnalyzer: Analyzer<Params> = {
  id: 'ioc-match',
  version: '1.0.0',
  description: 'flows, DNS and TLS SNI matched against threat-intel indicators within their validity windows',
  needs: { tables: ['flows', 'dns', 'tls', 'indicators', 'intel_objects'], analyzers: [] },
  params,
  async *run(ctx) {
    // actor ids on intel objects feed the merged indicators' `actors`; resolution is idempotent
    const actors = await resolveActors(ctx.store);
    ctx.log(`ioc-match: ${actors.length} actor(s) resolved from intel`);
    const matches = await ctx.store.query<MatchRow>(sqlFile(import.meta.url, 'matches'), { retro_seconds: ctx.params.retroDays * 86400 });
    if (matches.length === 0) return;
    const merged = new Map((await mergedIndicators(ctx.store)).map((m) => [m.id, m]));
    const bySource = new Map<string, SourceRow[]>();
    for (const s of await ctx.store.query<SourceRow>(sqlFile(import.meta.url, 'source-rows'))) {
      bySource.set(s.id, [...(bySource.get(s.id) ?? []), s]);
    }
    const orgsSeen = (await ctx.store.query<{ n: number }>(sqlFile(import.meta.url, 'orgs-seen')))[0]?.n ?? 0;
    const orgsHit = new Map<string, number>();
    for (const m of matches) if (m.hits > 0 && m.org) orgsHit.set(m.id, (orgsHit.get(m.id) ?? 0) + 1);
    for (const m of matches) {
      const ind = merged.get(m.id);
      if (!ind) continue;
      const prevalence = { share: orgsSeen ? (orgsHit.get(m.id) ?? 0) / orgsSeen : 0, orgs: orgsSeen };
      const f = toFinding(m, ind, bySource.get(m.id) ?? [], ctx.params, prevalence);
      if (f) yield f;
    }
  },
};

function toFinding(m: MatchRow, ind: MergedIndicator, sources: SourceRow[], p: Params, prevalence: { share: number; orgs: number }): Finding | null {
  const org = m.org ?? 'unknown-org';
  const subject = `${ind.type}:${ind.value}@${org}`;
  const common = {
    indicator: { id: ind.id, type: ind.type, value: ind.value }, org: m.org,
    corroborating_sources: ind.sources, actors: ind.actors, intrusion_sets: ind.intrusion_sets, labels: ind.labels,
    windows: sources.map((s) => ({ source: s.source, valid_from: s.valid_from, valid_until: s.valid_until })),
    stale_hits: m.stale_hits, released_hits: m.released_hits,
    prevalence: { orgs_matched: Math.round(prevalence.share * prevalence.orgs), orgs_in_case: prevalence.orgs },
  };
  const evidence = [...new Set([...m.evidence_ids, ...ind.evidence_ids])];
  if (m.hits > 0) {
    const matched = sources.filter((s) => m.matched_sources.includes(s.source));
    const urlHostOnly = ind.type === 'url';
    const evidenceForScore = { confidences: matched.map((s) => s.confidence), viaUrlHostOnly: urlHostOnly,
      defaultConfidence: p.defaultConfidence, prevalence, prevalenceCap: p.prevalenceCap };
    const allRetro = m.retro_hits === m.hits;
    const score = Math.round(hitScore(evidenceForScore) * (allRetro ? RETRO_DISCOUNT : 1) * 1000) / 1000;
    const notes = [
      urlHostOnly ? 'URL indicator matched by its host only (no URL paths in flows/DNS/TLS): score halved' : null,
      overPrevalent(evidenceForScore) ? `matches ${Math.round(prevalence.share * 100)}% of the case's orgs: likelier a scanner, CDN or shared service than targeted infrastructure; score halved` : null,
      m.retro_hits ? `${m.retro_hits} hit(s) precede the indicator's valid_from (retro-hunt within ${p.retroDays} days)${allRetro ? ': score × 0.75' : ''}` : null,
      m.released_hits ? `${m.released_hits} observation(s) fall in a lease that began after the source published the indicator (IP re-leased): not counted` : null,
    ].filter(Boolean);
    return makeFinding({
      analyzer: 'ioc-match', kind: 'ioc-hit', subject, score, first_seen: m.first_seen, last_seen: m.last_seen,
      tlp: strictestTlp(matched.map((s) => s.tlp)), evidence_ids: evidence,
      details: { ...common, hits: m.hits, retro_hits: m.retro_hits, via: m.via, matched_sources: m.matched_sources,
        note: notes.length ? notes.join('; ') : undefined },
    });
  }
  if (!p.reportStale) return null;
  return makeFinding({
    analyzer: 'ioc-match', kind: 'ioc-stale', subject, score: 0, confidence: 0,
    first_seen: m.stale_first_seen, last_seen: m.stale_last_seen, tlp: strictestTlp(sources.map((s) => s.tlp)), evidence_ids: evidence,
    details: { ...common, hits: 0, via: m.stale_via,
      note: [m.stale_hits ? `${m.stale_hits} observation(s) fall outside every source's validity window` : null,
        m.released_hits ? `${m.released_hits} fall in a lease that began after the source published the indicator (IP re-leased)` : null]
        .filter(Boolean).join('; ') + ': only stale matches, none counts as a hit' },
  });
}

/** Hits seen only before the intel's valid_from are weaker: the address may have served someone else then. */
const RETRO_DISCOUNT = 0.75;

function strictestTlp(levels: Tlp[]): Tlp {
  if (levels.length === 0) return 'amber';
  return levels.reduce<Tlp>((a, b) => (TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a), 'clear');
}
