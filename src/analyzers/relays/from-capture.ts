// Tracked capture connections → detector input (one sensor per capture file).
import type { TrackedConnection } from '../../ingest/pcap/track.ts';
import type { RelayConnection } from './types.ts';

export function fromTracked(conns: TrackedConnection[], sensor: string): RelayConnection[] {
  return conns.map((c) => ({
    id: c.id, proto: c.proto, src: c.src, sport: c.sport, dst: c.dst, dport: c.dport, start: c.start, end: c.end, sensor,
    bytes: [c.bytes[0], c.bytes[1]], pkts: [c.pkts[0], c.pkts[1]], timing: [c.series[0], c.series[1]],
  }));
}

/** The same connections without packet timing: what the flow-level detector would get from flow records. */
export function withoutTiming(conns: RelayConnection[]): RelayConnection[] {
  return conns.map(({ timing: _t, ...c }) => ({ ...c }));
}
