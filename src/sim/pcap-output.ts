// One classic pcap per captured relay host, packets in capture order with the host's view of each packet.
import type { ManifestEntry } from './manifest.ts';
import { PcapWriter } from './pcap-writer.ts';
import type { Rng } from './random.ts';
import { capturedAt, type SimPacket } from './tcp-session.ts';

export function writeRelayCaptures(rng: Rng, outDir: string, captures: Array<{ server: string; ip: string; packets: SimPacket[] }>):
{ files: ManifestEntry[]; packets: number } {
  const files: ManifestEntry[] = [];
  let packets = 0;
  for (const c of captures) {
    const seen = c.packets.map((p, i) => ({ p: capturedAt(p, c.ip), i })).sort((a, b) => a.p.ts - b.p.ts || a.i - b.i);
    const parts = c.ip.split('.').map(Number);
    const gateway = `${parts[0]}.${parts[1]}.${parts[2]}.${(parts[3] & 0x80) + 1}`;
    const path = `pcap/relay-${c.ip}.pcap`;
    const w = new PcapWriter(`${outDir}/${path}`, rng.fork(c.server), gateway);
    for (const { p } of seen) w.write(p, c.ip);
    const bytes = w.close();
    packets += w.packets;
    files.push({ path, format: 'pcap', sensor: `relay-${c.ip}`, rows: w.packets, bytes, note: `capture on rented server ${c.ip}` });
  }
  return { files, packets };
}
