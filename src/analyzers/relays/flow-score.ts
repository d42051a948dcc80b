// Flow-level score of one candidate pair from records without packet timing (Zeek conn, NetFlow):
// nesting of lifetimes, start lag, end gap, byte and packet ratios, capped at flowMaxScore because these
// features are far weaker than timing. Repetition across sessions is added in detect.ts.
import type { RelayConfig } from './config.ts';
import { round, type PairScore } from './packet-score.ts';
import type { RelayConnection } from './types.ts';

/**
 * Volume agreement of one direction: the outbound carries the relayed session, the inbound that plus the
 * typing and output on the relay itself, so out ≤ in; an outbound clearly larger than its inbound cannot
 * be carrying it and scores low.
 */
function volumeFit(inb: number, out: number): number {
  if (inb <= 0 && out <= 0) return 0;
  if (out <= inb * 1.02) return inb > 0 ? out / inb : 0;
  return 0.5 * (inb / out) ** 3;
}

/** Relayed: the onward client exits first, the operator then leaves the relay (a positive end gap of seconds). */
function endFit(endGap: number, scale: number): number {
  return endGap >= 0 ? Math.exp(-endGap / scale) : 0.25 * Math.exp(endGap);
}

export function scoreFlowPair(inb: RelayConnection, out: RelayConnection, cfg: RelayConfig, floor = -1): PairScore | null {
  const nested = out.end <= inb.end + cfg.nestingGrace ? 1 : 0;
  const startLag = out.start - inb.start;
  const endGap = inb.end - out.end;
  const startF = Math.exp(-startLag / cfg.flowStartScale);
  const endF = endFit(endGap, cfg.flowEndScale);
  const bytesR = inb.bytes && out.bytes ? (volumeFit(inb.bytes[0], out.bytes[0]) + volumeFit(inb.bytes[1], out.bytes[1])) / 2 : 0;
  const pktsR = inb.pkts && out.pkts ? (volumeFit(inb.pkts[0], out.pkts[0]) + volumeFit(inb.pkts[1], out.pkts[1])) / 2 : 0;
  const counted = Boolean((inb.bytes && out.bytes) || (inb.pkts && out.pkts));
  const volumeOk = !counted || (bytesR + pktsR) / 2 >= cfg.flowMinVolumeFit;
  const core = 0.5 * endF + 0.1 * startF + 0.25 * bytesR + 0.15 * pktsR;
  const score = volumeOk ? cfg.flowMaxScore * core * (nested ? 1 : 0.5) : 0;
  if (score < floor) return null; // most candidates: skip building the explanation
  return {
    score: round(score),
    components: {
      nested, start_lag_s: round(startLag), end_gap_s: round(endGap), start_factor: round(startF), end_factor: round(endF),
      byte_fit: round(bytesR), packet_fit: round(pktsR), volume_ok: volumeOk ? 1 : 0, cap: cfg.flowMaxScore,
    },
  };
}
