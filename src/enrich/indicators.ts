// Corroboration: the store keeps one `indicators` row per (indicator, source, evidence file) — the runner
// ingests file by file and rows must stay removable per evidence — and merges at query time
// (indicators.sql): one record per indicator id with every source that reported it.
import type { IndicatorType, Tlp } from '../core/types.ts';
import { sqlFile } from '../store/sql-file.ts';
import type { Store } from '../store/store.ts';

export interface MergedIndicator {
  id: string; type: IndicatorType; value: string; sources: string[]; source_count: number; tlp: Tlp;
  confidence: number | null; valid_from: number | null; valid_until: number | null;
  intrusion_sets: string[]; actors: string[]; labels: string[]; first_seen: number | null; last_seen: number | null;
  evidence_ids: string[];
}

export async function mergedIndicators(store: Store, type: IndicatorType | null = null): Promise<MergedIndicator[]> {
  return store.query<MergedIndicator>(sqlFile(import.meta.url, 'indicators'), { type });
}
