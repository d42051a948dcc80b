// ioc-match: flows, DNS and TLS against indicators, within each source's validity window. One finding per
// (indicator, org); an indicator seen only outside every window gives an 'ioc-stale' finding saying so.
import { z } from 'zod';
import { TLP_ORDER, type Finding, type Tlp } from '../../core/types.ts';
import { resolveActors } from '../../enrich/actors/index.ts';
import { mergedIndicators, type MergedIndicator } from '../../enrich/indicators.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { hitScore } from './score.ts';

const params = z.object({
  defaultConfidence: z.number().min(0).max(100).default(60),
  reportStale: z.boolean().default(true),
});
type Params = z.infer<typeof params>;

interface MatchRow {
  id: string; org: string | null; hits: number; stale_hits: number; first_seen: number | null; last_seen: number | null;
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
    const matches = await ctx.store.query<MatchRow>(sqlFile(import.meta.url, 'matches'));
    if (matches.length === 0) return;
    const merged = new Map((await mergedIndicators(ctx.store)).map((m) => [m.id, m]));
    const bySource = new Map<string, SourceRow[]>();
    for (const s of await ctx.store.query<SourceRow>(sqlFile(import.meta.url, 'source-rows'))) {
      bySource.set(s.id, [...(bySource.get(s.id) ?? []), s]);
    }
    for (const m of matches) {
      const ind = merged.get(m.id);
      if (!ind) continue;
      const f = toFinding(m, ind, bySource.get(m.id) ?? [], ctx.params);
      if (f) yield f;
    }
  },
};

function toFinding(m: MatchRow, ind: MergedIndicator, sources: SourceRow[], p: Params): Finding | null {
  const org = m.org ?? 'unknown-org';
  const subject = `${ind.type}:${ind.value}@${org}`;
  const common = {
    indicator: { id: ind.id, type: ind.type, value: ind.value }, org: m.org,
    corroborating_sources: ind.sources, actors: ind.actors, intrusion_sets: ind.intrusion_sets, labels: ind.labels,
    windows: sources.map((s) => ({ source: s.source, valid_from: s.valid_from, valid_until: s.valid_until })),
    stale_hits: m.stale_hits,
  };
  const evidence = [...new Set([...m.evidence_ids, ...ind.evidence_ids])];
  if (m.hits > 0) {
    const matched = sources.filter((s) => m.matched_sources.includes(s.source));
    const urlHostOnly = ind.type === 'url';
    const score = hitScore({ confidences: matched.map((s) => s.confidence), viaUrlHostOnly: urlHostOnly, defaultConfidence: p.defaultConfidence });
    return makeFinding({
      analyzer: 'ioc-match', kind: 'ioc-hit', subject, score, first_seen: m.first_seen, last_seen: m.last_seen,
      tlp: strictestTlp(matched.map((s) => s.tlp)), evidence_ids: evidence,
      details: { ...common, hits: m.hits, via: m.via, matched_sources: m.matched_sources,
        note: urlHostOnly ? 'URL indicator matched by its host only (no URL paths in flows/DNS/TLS): score halved' : undefined },
    });
  }
  if (!p.reportStale) return null;
  return makeFinding({
    analyzer: 'ioc-match', kind: 'ioc-stale', subject, score: 0, confidence: 0,
    first_seen: m.stale_first_seen, last_seen: m.stale_last_seen, tlp: strictestTlp(sources.map((s) => s.tlp)), evidence_ids: evidence,
    details: { ...common, hits: 0, via: m.stale_via,
      note: `only stale matches: ${m.stale_hits} observation(s) fall outside every source's validity window, so they do not count as hits` },
  });
}

function strictestTlp(levels: Tlp[]): Tlp {
  if (levels.length === 0) return 'amber';
  return levels.reduce<Tlp>((a, b) => (TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a), 'clear');
}
