// What the relay detectors work on: connections seen at a sensor, optionally with per-direction packet timing.

/** Payload-carrying packet times (epoch s) and sizes of one direction. */
export interface Timing { times: ArrayLike<number>; sizes: ArrayLike<number> }

export interface RelayConnection {
  /** Stable id shared by every sensor that saw this connection (see merge.ts). */
  id: string;
  proto: string;
  src: string; sport: number; dst: string; dport: number;
  start: number; end: number;
  /** Capture file / flow sensor the observation comes from. */
  sensor: string;
  /** Payload bytes and packets, [originator → responder, reverse]; null when unknown. */
  bytes: [number, number] | null;
  pkts: [number, number] | null;
  /** Packet timing per direction when a capture saw it; absent for flow records. */
  timing?: [Timing, Timing];
  /** Evidence ledger ids behind the observation (analyzer only). */
  evidence?: string[];
}

export interface PairComponents { [name: string]: number }

export interface RelayPair {
  inbound: string;
  outbound: string;
  relay: string;
  score: number;
  method: 'packet' | 'flow';
  components: PairComponents;
  sensor: string;
  /** Every sensor that found this pair (a relay capture and a border router may both see it), best first. */
  seenBy?: Array<{ sensor: string; method: 'packet' | 'flow'; score: number }>;
}

export interface RelayChain { hops: string[]; score: number; relays: string[] }

export interface RelayResult {
  connections: RelayConnection[];
  pairs: RelayPair[];
  chains: RelayChain[];
  /** Candidate pairs examined (for false positives per thousand candidates). */
  candidates: number;
  /** The same split by how each candidate was scored (timing on both sides → packet, else flow). */
  candidatesByMethod: { packet: number; flow: number };
}
