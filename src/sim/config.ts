// Simulator options, defaults and the campaign clock. All output times derive from `epoch`, never the wall clock.

export type IntelVariant = 'full' | 'shared-tools-only';

export interface SimOptions {
  seed: number;
  victims: number;
  days: number;
  /** Mean benign connections per victim per day (all of its sensors together). */
  backgroundRate: number;
  intel: IntelVariant;
  out: string;
}

export const DEFAULTS = { victims: 200, days: 21, backgroundRate: 20, intel: 'full' as IntelVariant };

const CAMPAIGN_BASE = Date.UTC(2016, 8, 1) / 1000; // 2016-09-01T00:00:00Z
export const DAY = 86400;

/** Start of the observed window: the base plus a seed-dependent whole number of days (0..59). */
export function campaignEpoch(seed: number): number {
  const offsetDays = ((seed >>> 0) * 2654435761 >>> 0) % 60;
  return CAMPAIGN_BASE + offsetDays * DAY;
}

export function validateOptions(o: SimOptions): string | null {
  if (!Number.isInteger(o.seed) || o.seed < 0) return '--seed must be a non-negative integer';
  if (!Number.isInteger(o.victims) || o.victims < 4 || o.victims > 1000) return '--victims must be an integer 4..1000';
  if (!Number.isInteger(o.days) || o.days < 2 || o.days > 365) return '--days must be an integer 2..365';
  if (!(o.backgroundRate >= 0) || o.backgroundRate > 1e6) return '--background-rate must be 0..1000000';
  if (o.intel !== 'full' && o.intel !== 'shared-tools-only') return "--intel must be 'full' or 'shared-tools-only'";
  return null;
}
