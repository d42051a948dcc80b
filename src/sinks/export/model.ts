// The engine- and format-neutral picture of what a case shares: built once from the store (model-from-store.ts),
// written as STIX 2.1 or MISP. Every item carries its own TLP; writers filter by the ceiling they are given.
import type { IndicatorType, Tlp } from '../../core/types.ts';

export interface ExportIndicator {
  type: IndicatorType;
  value: string;
  tlp: Tlp;
  port?: number | null;
  firstSeen: number | null;
  lastSeen: number | null;
  validUntil?: number | null;
  /** 0..100 */
  confidence: number | null;
  /** What hoptrace found and why (analyzer, score, explanation) — human-readable. */
  comment: string;
  /** Canonical actor names this indicator is attributed to. */
  actors: string[];
  /** Victim org ids where it was seen, with counts. */
  seenAt: Array<{ org: string; firstSeen: number | null; lastSeen: number | null; count: number }>;
}

export interface ExportActor {
  name: string;
  aliases: string[];
  externalIds: string[];
  tlp: Tlp;
  /** Estimative words (almost certain / likely / roughly even / unlikely). */
  confidenceWords: string;
  score: number;
  /** Intel objects (STIX) that back the attribution: malware, tools, attack patterns. */
  uses: Array<{ type: string; name: string; externalIds: string[] }>;
  summary: string;
}

export interface ExportOrg { id: string; name: string; sector: string | null }

export interface ExportModel {
  caseName: string;
  producer: string;
  generatedAt: number;
  firstSeen: number | null;
  lastSeen: number | null;
  indicators: ExportIndicator[];
  actors: ExportActor[];
  orgs: ExportOrg[];
  summary: string;
}
