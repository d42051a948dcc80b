// `leases`: attack evidence → the lease that held the IP at that moment → account. Windows are cut at
// lease boundaries so a re-leased IP resolves to the right holder for each moment; a moment no lease
// covers becomes a 'lease-gap' finding (never guessed), two leases claiming one moment a conflict.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { ipKey } from '../../core/ip.ts';
import { formatInZone, isoUtc } from '../../core/time.ts';
import type { Finding } from '../../core/types.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Analyzer, AnalyzerContext } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { attributeWindow, neighbours, type LeaseRow, type Segment } from './attribute.ts';
import { evidenceFromFindings, mergeEvidence, readEvidenceList, type AttackEvidence } from './evidence.ts';

const SOURCES = ['relays', 'shared-infra', 'beacons', 'ioc-match'];

const Params = z.object({
  /** Analyzers whose findings are attack evidence. */
  sources: z.array(z.string()).default(SOURCES),
  minScore: z.number().min(0).max(1).default(0.5),
  /** Optional CSV of ip,time[,end][,port][,reason] (relative to the case directory). */
  evidenceFile: z.string().optional(),
  evidenceTz: z.string().default('UTC'),
});
type P = z.infer<typeof Params>;

interface ProviderInfo { name: string; tz: string | null; asn: number | null; abuse_contact: string | null; legal_contact: string | null }

async function collectEvidence(ctx: AnalyzerContext<P>): Promise<AttackEvidence[]> {
  const items: AttackEvidence[] = [];
  for (const id of ctx.params.sources) items.push(...evidenceFromFindings(await ctx.findingsOf(id), ctx.params.minScore));
  if (ctx.params.evidenceFile) {
    const path = isAbsolute(ctx.params.evidenceFile) ? ctx.params.evidenceFile : join(ctx.caseDir, ctx.params.evidenceFile);
    items.push(...readEvidenceList(readFileSync(path, 'utf8'), ctx.params.evidenceFile, ctx.params.evidenceTz));
  }
  return mergeEvidence(items);
}

export const leasesAnalyzer: Analyzer<P> = {
  id: 'leases',
  version: '1.0.0',
  description: 'attack IP + time → the provider lease active at that moment → account; uncovered moments are gaps',
  needs: { tables: ['leases', 'providers'], analyzers: SOURCES },
  params: Params as unknown as z.ZodType<P>,
  async *run(ctx) {
    const evidence = await collectEvidence(ctx);
    const providers = new Map((await ctx.store.query<ProviderInfo>(sqlFile(import.meta.url, 'providers'))).map((p) => [p.name.toLowerCase(), p]));
    const cache = new Map<string, LeaseRow[]>();
    let gaps = 0;
    for (const e of evidence) {
      if (!cache.has(e.ip)) cache.set(e.ip, await ctx.store.query<LeaseRow>(sqlFile(import.meta.url, 'leases-for-ip'), { ip: ipKey(e.ip)! }));
      const leases = cache.get(e.ip)!;
      for (const seg of attributeWindow(e, leases)) {
        if (seg.leases.length === 0) { gaps++; yield gapFinding(e, seg, leases); continue; }
        for (const lease of seg.leases) yield attributionFinding(e, seg, lease, providers.get(lease.provider.toLowerCase()) ?? null);
      }
    }
    ctx.log(`${evidence.length} evidence windows, ${gaps} gap(s)`);
  },
};

function windowText(seg: Segment, tz: string | null) {
  return {
    start_utc: isoUtc(seg.start), end_utc: isoUtc(seg.end),
    start_local: tz ? formatInZone(seg.start, tz) : null, end_local: tz ? formatInZone(seg.end, tz) : null,
  };
}

function attributionFinding(e: AttackEvidence, seg: Segment, lease: LeaseRow, provider: ProviderInfo | null): Finding {
  const conflict = seg.leases.length > 1;
  return makeFinding({
    analyzer: 'leases', kind: 'lease-attribution',
    subject: `${e.ip}|${isoUtc(seg.start)}|${isoUtc(seg.end)}|${lease.provider}|${lease.account_id}`,
    score: conflict ? e.score * 0.5 : e.score, first_seen: seg.start, last_seen: seg.end, tlp: e.tlp,
    details: {
      ip: e.ip, provider: lease.provider, account_id: lease.account_id, server_id: lease.server_id,
      lease_start: lease.start, lease_end: lease.end, window_start: seg.start, window_end: seg.end,
      ...windowText(seg, provider?.tz ?? null), provider_tz: provider?.tz ?? null, provider_asn: provider?.asn ?? null,
      ports: e.ports, reasons: e.reasons, sources: e.sources, conflict,
      ...(conflict ? { note: `${seg.leases.length} leases claim this moment: ${seg.leases.map((l) => l.account_id).join(', ')}` } : {}),
    },
    evidence_ids: [...new Set([...e.evidence_ids, ...(lease.evidence_id ? [lease.evidence_id] : [])])],
  });
}

function gapFinding(e: AttackEvidence, seg: Segment, leases: LeaseRow[]): Finding {
  const { before, after } = neighbours(seg.start, leases);
  return makeFinding({
    analyzer: 'leases', kind: 'lease-gap', subject: `${e.ip}|${isoUtc(seg.start)}|${isoUtc(seg.end)}`,
    score: e.score, first_seen: seg.start, last_seen: seg.end, tlp: e.tlp,
    details: {
      ip: e.ip, window_start: seg.start, window_end: seg.end, ...windowText(seg, null),
      providers_with_leases: [...new Set(leases.map((l) => l.provider))],
      lease_before: before && { account_id: before.account_id, provider: before.provider, end: before.end },
      lease_after: after && { account_id: after.account_id, provider: after.provider, start: after.start },
      ports: e.ports, reasons: e.reasons, sources: e.sources,
      note: leases.length ? 'no lease covers this moment: ask the provider, do not assume the neighbouring holder' : 'no lease records for this IP',
    },
    evidence_ids: e.evidence_ids,
  });
}
