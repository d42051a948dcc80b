// Packet-level score of one candidate pair: ON/OFF correlation and windowed count correlation over the
// time both connections are live, scaled by how much evidence there is and whether the outbound nests.
import type { RelayConfig } from './config.ts';
import { countCorrelation } from './counts.ts';
import { offEnds, onOffCorrelation } from './onoff.ts';
import type { PairComponents, RelayConnection } from './types.ts';

export interface PairScore { score: number; components: PairComponents }

export function scorePacketPair(inb: RelayConnection, out: RelayConnection, cfg: RelayConfig): PairScore | null {
  if (!inb.timing || !out.timing) return null;
  const from = out.start;
  const to = Math.min(inb.end, out.end);
  if (to <= from) return null;
  const [iUp, iDown] = inb.timing;
  const [oUp, oDown] = out.timing;
  const ends = (t: ArrayLike<number>, slack: number) => offEnds(t, cfg.idleThreshold, from - slack, to + slack);
  const onoff = onOffCorrelation(ends(iUp.times, cfg.delta), ends(oUp.times, 0), ends(iDown.times, 0), ends(oDown.times, cfg.delta), cfg.delta);
  const series = { inUp: iUp.times, outUp: oUp.times, inDown: iDown.times, outDown: oDown.times };
  // Cheap screen first: one correlation over coarse bins wide enough to absorb the largest delay.
  const coarse = countCorrelation(series, from, to, Math.max(4 * cfg.binWidth, 2 * cfg.maxDelay), 0);
  if (coarse.r < cfg.screenR && onoff.ratio < cfg.screenOnOff) return null;
  const counts = countCorrelation(series, from, to, cfg.binWidth, cfg.maxDelay);
  // Each method is weighed by its own evidence (a Pearson r over three bins means nothing). The count
  // correlation alone may carry a pair when it is strong (delays beyond δ defeat ON/OFF).
  const onoffEv = Math.min(1, onoff.comparable / cfg.minEvidence);
  const countEv = Math.min(1, counts.activeBins / cfg.minEvidence);
  const evidence = Math.max(onoffEv, countEv);
  const nested = out.end <= inb.end + cfg.nestingGrace ? 1 : 0;
  const r = Math.max(0, counts.r) * countEv;
  const blend = cfg.weightOnOff * onoff.ratio * onoffEv + (1 - cfg.weightOnOff) * r;
  const core = r >= cfg.countOnlyR ? Math.max(r, blend) : blend;
  const score = core * (nested ? 1 : 0.6);
  return {
    score: round(score),
    components: {
      onoff: round(onoff.ratio), onoff_correlated: onoff.correlated, onoff_comparable: onoff.comparable,
      count_r: round(counts.r), count_lag_s: round(counts.lag), active_bins: counts.activeBins,
      evidence: round(evidence), nested, start_lag_s: round(out.start - inb.start),
    },
  };
}

export const round = (x: number) => Math.round(x * 1e4) / 1e4;
