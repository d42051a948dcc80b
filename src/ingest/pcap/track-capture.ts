// Whole-capture pass: read, decode, track. Returns connections with per-direction timing and what was skipped.
import type { Readable } from 'node:stream';
import { decodePacket, type SkipCounts } from './decode.ts';
import { decodeHeadersAt, newHeaders } from './headers.ts';
import { scanCapture } from './reader.ts';
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
  await scanCapture(stream, file, (ts, linkType, buf, at, len) => {
    packets++;
    if (Number.isNaN(ts)) { skipped['no timestamp'] = (skipped['no timestamp'] ?? 0) + 1; return; }
    if (decodeHeadersAt(linkType, buf, at, len, h)) { tracker.addHeaders(ts, h); return; }
    // Not TCP/UDP: decode again only to count why.
    if (decodePacket(linkType, buf.subarray(at, at + len), skipped)) otherIp++;
  });
  return { connections: tracker.finish(), packets, otherIp, skipped };
}
