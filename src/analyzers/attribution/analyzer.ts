// attribution: ranks candidate actors by weighted overlap between what the case saw (sightings, indicator
// hits, operators renting several servers) and what intel ties to each actor, with estimative words and the
// evidence paths; says plainly when only widely shared tools and techniques point anywhere.
import { z } from 'zod';
import type { Finding } from '../../core/types.ts';
import { resolveActors } from '../../enrich/actors/index.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { actorIndex, itemIndex, type ActorInfo, type IntelLinkRow } from './intel-graph.ts';
import { observedItems, type SightedRow } from './observed.ts';
import { reportLinks, type ObjectRow, type ReportRow } from './report-links.ts';
import { confidenceWords, scoreActors, type ActorScore } from './score.ts';

const params = z.object({
  /** Weight of evidence unique to one actor needed before any confident words are used. */
  minExclusive: z.number().min(0).default(0.5),
  maxCandidates: z.number().int().min(1).max(100).default(10),
});
type Params = z.infer<typeof params>;

export const attributionAnalyzer: Analyzer<Params> = {
  id: 'attribution',
  version: '1.0.0',
  description: 'ranks candidate threat actors by rarity-weighted overlap with the observed evidence',
  needs: { tables: ['intel_objects', 'intel_relations', 'sightings'], analyzers: ['ioc-match', 'leases', 'identities'] },
  params,
  async *run(ctx) {
    await resolveActors(ctx.store);
    const actors = actorIndex(await ctx.store.query(sqlFile(import.meta.url, 'actors')));
    if (actors.size === 0) { ctx.log('no intrusion sets or threat actors in the intel: nothing to attribute to'); return; }
    const { items, idToKey } = itemIndex([
      ...await ctx.store.query<IntelLinkRow>(sqlFile(import.meta.url, 'intel-links')),
      ...reportLinks(await ctx.store.query<ReportRow>(sqlFile(import.meta.url, 'reports')),
        new Map((await ctx.store.query<ObjectRow>(sqlFile(import.meta.url, 'ref-objects'))).map((o) => [o.id, o]))),
    ]);
    const observed = observedItems({
      sighted: await ctx.store.query<SightedRow>(sqlFile(import.meta.url, 'sighted')), items, idToKey,
      iocHits: await ctx.findingsOf('ioc-match'), leases: await ctx.findingsOf('leases'), identities: await ctx.findingsOf('identities'),
      actorName: (id) => actors.get(id)?.name ?? id,
    });
    const ranked = scoreActors(observed).filter((r) => actors.has(r.actor)).slice(0, ctx.params.maxCandidates);
    ctx.log(`${observed.length} observed items tie to ${ranked.length} candidate actor(s)`);
    const confident = ranked.filter((r) => r.exclusive >= ctx.params.minExclusive);
    for (const [i, r] of ranked.entries()) {
      yield actorFinding(r, actors.get(r.actor)!, ranked[i === 0 ? 1 : 0]?.score ?? 0, i + 1, ctx.params);
    }
    if (ranked.length > 0 && confident.length === 0) yield noConfidentAttribution(ranked, actors);
  },
};

function actorFinding(r: ActorScore, a: ActorInfo, runnerUp: number, rank: number, p: Params): Finding {
  const words = confidenceWords(r, runnerUp, p.minExclusive);
  const byWeight = [...r.items].sort((x, y) => y.weight - x.weight);
  return makeFinding({
    analyzer: 'attribution', kind: 'actor', subject: a.name, score: Number(r.score.toFixed(4)), confidence: r.score,
    first_seen: null, last_seen: null,
    details: {
      actor_id: a.id, rank, external_ids: a.externalIds, aliases: a.aliases, confidence: words,
      raw_weight: Number(r.raw.toFixed(4)), exclusive_weight: Number(r.exclusive.toFixed(4)), runner_up_score: Number(runnerUp.toFixed(4)),
      evidence: byWeight.map((i) => `[${i.weight.toFixed(3)}] ${i.path}`),
      shared_items: byWeight.filter((i) => i.actors.length > 1).map((i) => ({ item: i.key, kind: i.kind, shared_by: i.actors.length, weight: Number(i.weight.toFixed(4)) })),
      items: byWeight.map((i) => ({ item: i.key, kind: i.kind, actors: i.actors.length, orgs: i.orgs, weight: Number(i.weight.toFixed(4)) })),
      explanation: words === 'unlikely' && r.exclusive < p.minExclusive
        ? 'all evidence for this actor is shared with other actors (common tools/techniques): no confident attribution'
        : `score 1 − exp(−Σ weights) = ${r.score.toFixed(3)}; weight = base(kind) × breadth / actors sharing the item`,
    },
  });
}

function noConfidentAttribution(ranked: ActorScore[], actors: Map<string, ActorInfo>): Finding {
  const shared = [...new Set(ranked.flatMap((r) => r.items.map((i) => `${i.key} (shared by ${i.actors.length})`)))];
  return makeFinding({
    analyzer: 'attribution', kind: 'no-confident-attribution', subject: 'case', score: 0, confidence: 0, first_seen: null, last_seen: null,
    details: {
      reason: 'the evidence ties to actors only through items several actors share (common tools and techniques); no actor has evidence of its own',
      candidates: ranked.map((r) => ({ actor: actors.get(r.actor)?.name ?? r.actor, score: Number(r.score.toFixed(4)) })),
      shared_items: shared,
    },
  });
}
