// NetFlow sniffer: raw export packets at byte 0, or a capture whose first UDP packets carry export packets.
import { decodePacket } from '../pcap/decode.ts';
import { CaptureParser, sniffCapture } from '../pcap/reader.ts';
import { looksLikeExport } from './datagram.ts';

export function sniffNetflow(head: Buffer, name: string): number {
  if (sniffCapture(head) > 0) return captureHoldsExports(head) ? 0.9 : 0;
  if (!looksLikeExport(head)) return 0;
  return /netflow|ipfix|nfcap|\.dat$/i.test(name) ? 0.8 : 0.6;
}

function captureHoldsExports(head: Buffer): boolean {
  try {
    const packets = new CaptureParser('sniff').push(head);
    return packets.slice(0, 50).some((p) => {
      const ip = decodePacket(p.linkType, p.data);
      return ip != null && ip.proto === 17 && looksLikeExport(ip.payload);
    });
  } catch {
    return false;
  }
}
