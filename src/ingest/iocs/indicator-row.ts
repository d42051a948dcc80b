// One `indicators` row per (indicator, source, evidence). Corroboration across sources is merged at query
// time (src/enrich/indicators.sql), because the runner ingests file by file and rows stay evidence-scoped.
import type { Tlp } from '../../core/types.ts';
import type { Row } from '../../store/store.ts';
import { indicatorId, type NormalIndicator } from './normalise.ts';

export interface IndicatorMeta {
  source: string;
  tlp: Tlp;
  confidence?: number | null;
  valid_from?: number | null;
  valid_until?: number | null;
  intrusion_set?: string | null;
  labels?: string[];
  first_seen?: number | null;
  last_seen?: number | null;
}

export function indicatorRow(ind: NormalIndicator, meta: IndicatorMeta): Row {
  return {
    id: indicatorId(ind.type, ind.value), type: ind.type, value: ind.value, ip: ind.ip,
    source: cleanSource(meta.source), tlp: meta.tlp, confidence: meta.confidence ?? null,
    valid_from: meta.valid_from ?? null, valid_until: meta.valid_until ?? null,
    intrusion_set: meta.intrusion_set ?? null, labels: [...new Set(meta.labels ?? [])],
    first_seen: meta.first_seen ?? null, last_seen: meta.last_seen ?? null,
  };
}

/** Source names are joined with commas in merged views, so they may not contain one. */
export function cleanSource(s: string): string {
  return s.replace(/[,\n\r\t]+/g, ' ').trim() || 'unknown';
}

/** Parses ISO-8601 / 'YYYY-MM-DD[ HH:MM[:SS]]' (UTC) / epoch seconds; null when empty, NaN when bad. */
export function parseTime(text: unknown): number | null {
  if (text === undefined || text === null || text === '') return null;
  if (typeof text === 'number') return text > 1e11 ? text / 1000 : text;
  const s = String(text).trim();
  if (/^\d{9,10}(\.\d+)?$/.test(s)) return Number(s);
  if (/^\d{12,13}$/.test(s)) return Number(s) / 1000;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : NaN;
}

/** Intel object id for a group label seen only as a name (IOC list column, MISP tag). */
export function actorNameObjectId(name: string): string {
  return `intrusion-set--${indicatorId('other', `actor-name|${name.trim().toLowerCase()}`).split('--')[1]}`;
}
