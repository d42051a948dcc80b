// Reports as evidence links: a report (or grouping) whose object_refs name exactly one actor ties the
// malware, tools, techniques and campaigns it lists to that actor — the way Unit 42 playbooks and many
// vendor bundles say "this group used these", often without any `uses` relationship. A report naming
// several actors says nothing about which of them used what, so it ties nothing.
import { ACTOR_TYPES, type IntelLinkRow } from './intel-graph.ts';

export interface ObjectRow { id: string; type: string; name: string | null; external_ids: unknown; actor: string | null }
export interface ReportRow { id: string; raw: unknown }

const TIED_TYPES = new Set(['malware', 'tool', 'attack-pattern', 'campaign']);

function refsOf(raw: unknown): string[] {
  const o = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { object_refs?: unknown } | null;
  return Array.isArray(o?.object_refs) ? o.object_refs.filter((r): r is string => typeof r === 'string') : [];
}

/** One synthetic link (rel 'report-ref', actor object → listed object) per tie a report makes. */
export function reportLinks(reports: ReportRow[], objects: Map<string, ObjectRow>): IntelLinkRow[] {
  const out: IntelLinkRow[] = [];
  const seen = new Set<string>();
  for (const rep of reports) {
    if (seen.has(rep.id)) continue;
    seen.add(rep.id);
    const listed = refsOf(rep.raw).map((r) => objects.get(r)).filter((o): o is ObjectRow => !!o);
    const actorObjs = listed.filter((o) => ACTOR_TYPES.has(o.type) && o.actor);
    if (new Set(actorObjs.map((a) => a.actor)).size !== 1) continue;
    const a = actorObjs[0];
    for (const t of listed.filter((o) => TIED_TYPES.has(o.type))) {
      out.push({
        rel: 'report-ref', s_id: a.id, s_type: a.type, s_name: a.name, s_ext: ext(a.external_ids), s_actor: a.actor,
        t_id: t.id, t_type: t.type, t_name: t.name, t_ext: ext(t.external_ids), t_actor: null,
      });
    }
  }
  return out;
}

const ext = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
