// `beacons`: internal hosts that call an external endpoint on a regular schedule (RITA v5-style score).
import { z } from 'zod';
import type { Analyzer } from '../contract.ts';
import { makeFinding } from '../finding.ts';
import { MODIFIER_DEFAULTS, type ModifierParams } from './modifiers.ts';
import { RITA_DEFAULTS, type BeaconParams } from './score.ts';
import { scoredPairs } from './pairs.ts';

export const BeaconParamsSchema = z.object({
  /** Fewest distinct connection seconds for a pair to be scored (RITA unique_connection_threshold). */
  minConnections: z.number().int().min(4).default(4),
  /** Connections per day of window at which a pair is a strobe, not a beacon. */
  strobePerDay: z.number().positive().default(86400),
  byPort: z.boolean().default(true),
  /** Findings for pairs scoring at least this (RITA: 0.5 low, 0.7 medium, 0.9 high). */
  minScore: z.number().min(0).max(1).default(0.7),
  weights: z.object({ ts: z.number(), ds: z.number(), hist: z.number(), dur: z.number() })
    .refine((w) => Math.abs(w.ts + w.ds + w.hist + w.dur - 1) < 1e-9, 'weights must sum to 1')
    .default(RITA_DEFAULTS.weights),
  durMinBars: z.number().int().min(1).max(24).default(RITA_DEFAULTS.durMinBars),
  durIdealRun: z.number().int().min(1).max(24).default(RITA_DEFAULTS.durIdealRun),
  modeSensitivity: z.number().min(0).max(1).default(RITA_DEFAULTS.modeSensitivity),
  bimodalOutlierRemoval: z.number().int().min(0).default(RITA_DEFAULTS.bimodalOutlierRemoval),
  bimodalMinBars: z.number().int().min(3).max(24).default(RITA_DEFAULTS.bimodalMinBars),
  prevalenceShare: z.number().min(0).max(1).default(MODIFIER_DEFAULTS.prevalenceShare),
  prevalenceMinHosts: z.number().int().min(1).default(MODIFIER_DEFAULTS.prevalenceMinHosts),
  prevalenceDecrease: z.number().min(0).max(1).default(MODIFIER_DEFAULTS.prevalenceDecrease),
  preexistingIntervals: z.number().min(0).default(MODIFIER_DEFAULTS.preexistingIntervals),
  preexistingDecrease: z.number().min(0).max(1).default(MODIFIER_DEFAULTS.preexistingDecrease),
});
export type BeaconAnalyzerParams = z.infer<typeof BeaconParamsSchema>;

export function beaconParams(p: BeaconAnalyzerParams): BeaconParams {
  return { ...RITA_DEFAULTS, ...p, weights: p.weights, bins: 24 };
}

export function modifierParams(p: BeaconAnalyzerParams): ModifierParams {
  return {
    prevalenceShare: p.prevalenceShare, prevalenceMinHosts: p.prevalenceMinHosts, prevalenceDecrease: p.prevalenceDecrease,
    preexistingIntervals: p.preexistingIntervals, preexistingDecrease: p.preexistingDecrease,
  };
}

export const beaconsAnalyzer: Analyzer<BeaconAnalyzerParams> = {
  id: 'beacons',
  version: '1.0.0',
  description: 'per (internal host, external endpoint, port): RITA v5-style beacon score from timing, sizes, histogram, duration',
  needs: { tables: ['flows'], analyzers: [] },
  params: BeaconParamsSchema,
  async *run(ctx) {
    const p = ctx.params;
    const pairs = await scoredPairs(ctx.store, { minConnections: p.minConnections, strobePerDay: p.strobePerDay, byPort: p.byPort, allPairs: false }, beaconParams(p), modifierParams(p));
    ctx.log(`${pairs.length} pairs scored`);
    for (const x of pairs) {
      if (!x.strobe && x.score < p.minScore) continue;
      yield makeFinding({
        analyzer: 'beacons', kind: x.strobe ? 'strobe' : 'beacon',
        subject: `${x.org ?? ''}|${x.src}→${x.dst}${x.dport === null ? '' : `:${x.dport}`}`,
        score: x.strobe ? 0.3 : x.score, first_seen: x.first_seen, last_seen: x.last_seen,
        details: { org: x.org, src: x.src, dst: x.dst, dport: x.dport, connections: x.connections, window: x.window, components: x.components },
      });
    }
  },
};
