// Findings ↔ table rows, and the engine-neutral findings query.
import type { Finding, Tlp } from '../core/types.ts';
import type { FindingFilter, Params, Row } from './store.ts';

export function findingToRow(f: Finding, runId: string): Row {
  return { ...f, details: JSON.stringify(f.details ?? {}), evidence_ids: JSON.stringify(f.evidence_ids ?? []), run_id: runId };
}

export function findingFromRow(r: Row): Finding {
  return {
    id: String(r.id), analyzer: String(r.analyzer), kind: String(r.kind), subject: String(r.subject),
    score: Number(r.score), confidence: Number(r.confidence),
    first_seen: r.first_seen == null ? null : Number(r.first_seen), last_seen: r.last_seen == null ? null : Number(r.last_seen),
    tlp: String(r.tlp) as Tlp,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : (r.details as Record<string, unknown>) ?? {},
    evidence_ids: typeof r.evidence_ids === 'string' ? JSON.parse(r.evidence_ids) : [],
  };
}

export function findingsQuery(filter: FindingFilter): { sql: string; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  if (filter.analyzer) { where.push('analyzer = $analyzer'); params.analyzer = filter.analyzer; }
  if (filter.kind) { where.push('kind = $kind'); params.kind = filter.kind; }
  if (filter.subject) { where.push('subject = $subject'); params.subject = filter.subject; }
  if (filter.minScore != null) { where.push('score >= $minScore'); params.minScore = filter.minScore; }
  const limit = filter.limit != null ? ` LIMIT ${Math.max(0, Math.trunc(filter.limit))}` : '';
  const sql = `SELECT * FROM findings${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY analyzer, score DESC, subject${limit}`;
  return { sql, params };
}
