// Packet-level score of one candidate pair: ON/OFF correlation and windowed count correlation over the
// time both connections are live, scaled by how much evidence there is and whether the outbound nests.
// Timing comes from the run's TimingIndex (built once per run; one is built for the pair when none is given).
import type { RelayConfig } from './config.ts';
import { PearsonSums } from './counts.ts';
import { countCorrelationIndexed } from './lag-search.ts';
import { correlatedEndsIn, onOffResult } from './onoff.ts';
import { lowerBoundIn, TimingIndex, type TimingGrid } from './timing-index.ts';
import type { PairComponents, RelayConnection } from './types.ts';

export interface PairScore { score: number; components: PairComponents }

export const timingGrid = (cfg: RelayConfig): TimingGrid =>
  ({ idle: cfg.idleThreshold, coarseWidth: Math.max(4 * cfg.binWidth, 2 * cfg.maxDelay), half: cfg.binWidth / 2 });

const sums = new PearsonSums(); // scratch: scoring is synchronous, one pair at a time

/** Adds coarse series p against q over coarse bins [a, a + bins). */
function addCoarse(ix: TimingIndex, p: number, q: number, a: number, bins: number): void {
  const pa = lowerBoundIn(ix.cIdx, ix.cAt[p], ix.cAt[p + 1], a), pz = lowerBoundIn(ix.cIdx, pa, ix.cAt[p + 1], a + bins);
  const qa = lowerBoundIn(ix.cIdx, ix.cAt[q], ix.cAt[q + 1], a), qz = lowerBoundIn(ix.cIdx, qa, ix.cAt[q + 1], a + bins);
  sums.addPrefixed(ix.cIdx, ix.cPre, ix.cPre2, pa, pz, qa, qz, bins);
}

/** Count correlation over bins wide enough to absorb the largest delay: the cheap screen before the lag search. */
function coarseR(ix: TimingIndex, inUp: number, outUp: number, inDown: number, outDown: number, from: number, to: number): number {
  const w = ix.grid.coarseWidth, a = Math.floor(from / w) - ix.coarseBase, bins = Math.max(1, Math.floor(to / w) - Math.floor(from / w) + 1);
  sums.reset();
  addCoarse(ix, inUp, outUp, a, bins);
  addCoarse(ix, outDown, inDown, a, bins);
  return sums.r();
}

/** ON/OFF over [from, to] (Zhang & Paxson; onoff.ts): the leading side of each direction may start δ early. */
function onOff(ix: TimingIndex, inUp: number, outUp: number, inDown: number, outDown: number, from: number, to: number, delta: number) {
  const e = ix.ends, at = ix.endsAt, end = to + 1e-9;
  const iu0 = lowerBoundIn(e, at[inUp], at[inUp + 1], from - delta), iu1 = lowerBoundIn(e, iu0, at[inUp + 1], end);
  const ou0 = lowerBoundIn(e, at[outUp], at[outUp + 1], from), ou1 = lowerBoundIn(e, ou0, at[outUp + 1], end);
  const id0 = lowerBoundIn(e, at[inDown], at[inDown + 1], from), id1 = lowerBoundIn(e, id0, at[inDown + 1], end);
  const od0 = lowerBoundIn(e, at[outDown], at[outDown + 1], from - delta), od1 = lowerBoundIn(e, od0, at[outDown + 1], end);
  return onOffResult(
    correlatedEndsIn(e, iu0, iu1, e, ou0, ou1, delta) + correlatedEndsIn(e, od0, od1, e, id0, id1, delta),
    Math.min(iu1 - iu0, ou1 - ou0) + Math.min(id1 - id0, od1 - od0),
  );
}

export function scorePacketPair(inb: RelayConnection, out: RelayConnection, cfg: RelayConfig, index?: TimingIndex): PairScore | null {
  if (!inb.timing || !out.timing) return null;
  const from = out.start;
  const to = Math.min(inb.end, out.end);
  if (to <= from) return null;
  const ix = index ?? TimingIndex.build([inb, out], timingGrid(cfg));
  const iu = ix.series(inb, 0), id = ix.series(inb, 1), ou = ix.series(out, 0), od = ix.series(out, 1);
  if (ix.packetsFrom(ou, inb.end + cfg.nestingGrace) >= cfg.orphanPackets) return null;
  const onoff = onOff(ix, iu, ou, id, od, from, to, cfg.delta);
  if (onoff.ratio < cfg.screenOnOff && coarseR(ix, iu, ou, id, od, from, to) < cfg.screenR) return null;
  const counts = countCorrelationIndexed(ix, iu, ou, id, od, from, to, cfg.binWidth, cfg.maxDelay);
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
