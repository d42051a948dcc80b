// Whole-capture pass: read, decode, track. Returns connections with per-direction timing and what was skipped.
import type { Readable } from 'node:stream';
import { decodePacket, type SkipCounts } from './decode.ts';
import { decodeHeaders, newHeaders } from './headers.ts';
import { readCaptureBatches } from './reader.ts';
import { ConnectionTracker, type TrackedConnection } from './track.ts';

export interface CaptureSummary {
  connections: TrackedConnection[];
  packets: number;
  /** Packets that decoded to IP but carried neither TCP nor UDP (ICMP…). */
  otherIp: number;
  skipped: SkipCounts;
}

export async function trackCapture(stream: Readable, file: string): Promise<CaptureSummary> {
  const tracker = new ConnectionTracker();
  const skipped: SkipCounts = {};
  let packets = 0, otherIp = 0;
  const h = newHeaders();
  for await (const batch of readCaptureBatches(stream, file)) {
    for (const p of batch) {
      packets++;
      if (Number.isNaN(p.ts)) { skipped['no timestamp'] = (skipped['no timestamp'] ?? 0) + 1; continue; }
      if (decodeHeaders(p.linkType, p.data, h)) { tracker.addHeaders(p.ts, h); continue; }
      // Not TCP/UDP: decode again only to count why.
      if (decodePacket(p.linkType, p.data, skipped)) otherIp++;
    }
  }
  return { connections: tracker.finish(), packets, otherIp, skipped };
}
