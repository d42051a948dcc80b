// Packet-level score of one candidate pair: ON/OFF correlation and windowed count correlation over the
// time both connections are live, scaled by how much evidence there is and whether the outbound nests.
import type { RelayConfig } from './config.ts';
import { countCorrelationHalves, PearsonSums } from './counts.ts';
import { onOffCorrelation } from './onoff.ts';
import { coarseIn, endsIn, prepared } from './timing-cache.ts';
import type { PairComponents, RelayConnection } from './types.ts';

export interface PairScore { score: number; components: PairComponents }

export function scorePacketPair(inb: RelayConnection, out: RelayConnection, cfg: RelayConfig): PairScore | null {
  if (!inb.timing || !out.timing) return null;
  const from = out.start;
  const to = Math.min(inb.end, out.end);
  if (to <= from) return null;
  const [iUp, iDown] = inb.timing;
  const [oUp, oDown] = out.timing;
  const coarseW = Math.max(4 * cfg.binWidth, 2 * cfg.maxDelay);
  const [pIU, pID, pOU, pOD] = [iUp, iDown, oUp, oDown].map((t) => prepared(t, cfg.idleThreshold, coarseW, cfg.binWidth / 2));
  const onoff = onOffCorrelation(
    endsIn(pIU, from - cfg.delta, to), endsIn(pOU, from, to), endsIn(pID, from, to), endsIn(pOD, from - cfg.delta, to), cfg.delta,
  );
  // Cheap screen first: one correlation over coarse bins wide enough to absorb the largest delay.
  const coarse = new PearsonSums();
  const bins = Math.max(1, Math.floor(to / coarseW) - Math.floor(from / coarseW) + 1);
  coarse.add(coarseIn(pIU, from, to), coarseIn(pOU, from, to), bins);
  coarse.add(coarseIn(pOD, from, to), coarseIn(pID, from, to), bins);
  if (coarse.r() < cfg.screenR && onoff.ratio < cfg.screenOnOff) return null;
  const counts = countCorrelationHalves({ inUp: pIU.halves, outUp: pOU.halves, inDown: pID.halves, outDown: pOD.halves }, from, to, cfg.binWidth, cfg.maxDelay);
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
