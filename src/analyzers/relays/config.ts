// Named thresholds of the relay detectors with their documented defaults (src/config gathers them later).
import { z } from 'zod';

export const RelayConfigSchema = z.object({
  /** Zhang & Paxson idle threshold T_idle (s): a gap longer than this between payload packets ends an ON period. */
  idleThreshold: z.number().positive().default(0.5),
  /** Zhang & Paxson δ (s): an outbound OFF→ON transition within δ after an inbound one is correlated. */
  delta: z.number().positive().default(0.08),
  /** Count-correlation window (s): payload packets are counted in bins of this width. */
  binWidth: z.number().positive().default(0.5),
  /** Largest relay delay (s) the count correlation searches over (robust to added delay). */
  maxDelay: z.number().min(0).default(3),
  /** Fewest OFF→ON transitions (ON/OFF) or active bins (counts) on the shorter side before a score counts fully. */
  minEvidence: z.number().int().min(1).default(8),
  /** Weights of ON/OFF and count correlation in the packet score (they sum to 1). */
  weightOnOff: z.number().min(0).max(1).default(0.5),
  /** Screen: pairs whose coarse-bin count correlation and ON/OFF ratio are both below these skip the fine lag search. */
  screenR: z.number().min(-1).max(1).default(0.2),
  screenOnOff: z.number().min(0).max(1).default(0.3),
  /** Count correlation at least this carries a pair alone, without ON/OFF support (added delay, chaff). */
  countOnlyR: z.number().min(0).max(1).default(0.8),
  /** Seconds the outbound may outlive the inbound and still count as nested. */
  nestingGrace: z.number().min(0).default(5),
  /**
   * Packet level: an outbound that still sends this many payload packets upstream more than `nestingGrace`
   * after the inbound ended is typed into by someone else, so it cannot continue that inbound: the pair is
   * rejected before any timing score (a detached session that only idles or prints output is still scored).
   */
  orphanPackets: z.number().int().min(1).default(8),
  /** Packet-level pairs scoring below this are not reported. */
  minPacketScore: z.number().min(0).max(1).default(0.45),
  /** Flow-level: end-gap scale (s) — relayed sessions end within seconds of each other. */
  flowEndScale: z.number().positive().default(5),
  /** Flow-level: start-lag scale (s) of the start-lag factor. */
  flowStartScale: z.number().positive().default(120),
  /** Flow-level scores are capped here: without packet timing the evidence is weaker. */
  flowMaxScore: z.number().min(0).max(1).default(0.8),
  /**
   * Flow-level: the outbound carries the relayed session and the inbound that plus the work done on the relay,
   * so their volumes agree; a pair whose volume fit (mean of byte and packet fit, 0..1) is below this is
   * rejected whatever its timing (only when the records carry counts).
   */
  flowMinVolumeFit: z.number().min(0).max(1).default(0.3),
  /** Flow-level pairs scoring below this are not reported. */
  minFlowScore: z.number().min(0).max(1).default(0.4),
  /** An outbound continues one inbound: the runner-up must trail the best by this much, else both are dropped as ambiguous. */
  ambiguityMargin: z.number().min(0).max(1).default(0.05),
});

export type RelayConfig = z.infer<typeof RelayConfigSchema>;
export const RELAY_DEFAULTS: RelayConfig = RelayConfigSchema.parse({});
