// NetFlow sniffer: raw export packets at byte 0, or a capture whose first UDP packets carry export packets.
import { decodePacket } from '../pcap/decode.ts';
import { CaptureParser, sniffCapture } from '../pcap/reader.ts';
import { looksLikeExport } from './datagram.ts';

export function sniffNetflow(head: Buffer, name: string): number {
  // Above the generic pcap format (which claims every capture): exporter captures are NetFlow first.
  if (sniffCapture(head) > 0) return captureHoldsExports(head) ? 0.99 : 0;
  if (!looksLikeExport(head)) return 0;
  return /netflow|ipfix|nfcap|\.dat$/i.test(name) ? 0.8 : 0.6;
}

/** Most UDP packets among the first 50 carry export packets (a stray DNS id of 5/9/10 does not count). */
function captureHoldsExports(head: Buffer): boolean {
  try {
    let udp = 0;
    let exports = 0;
    for (const p of new CaptureParser('sniff').push(head).slice(0, 50)) {
      const ip = decodePacket(p.linkType, p.data);
      if (ip == null || ip.proto !== 17) continue;
      udp++;
      if (looksLikeExport(ip.payload)) exports++;
    }
    return exports > 0 && exports * 2 >= udp;
  } catch {
    return false;
  }
}
