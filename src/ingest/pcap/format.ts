// The `pcap` ingest format: classic pcap or pcapng → `packets` rows (one per TCP/UDP packet, with its
// connection id and direction) and `flows` rows (one per tracked connection, written at the end).
// Frames that are not TCP/UDP over IP are skipped and kept as rejects with their byte offset and reason.
import type { Format, ParserInput, ParseOptions, RecordBatch } from '../contract.ts';
import type { Row } from '../../store/store.ts';
import type { Reject } from '../../core/types.ts';
import { decodePacket, type SkipCounts } from './decode.ts';
import { readCaptureBatches, sniffCapture } from './reader.ts';
import { ConnectionTracker, type TrackedConnection } from './track.ts';

export const pcapFormat: Format = {
  name: 'pcap',
  // Below netflow's 0.9 for captures of NetFlow export packets, which that format reads instead.
  sniff: (head) => sniffCapture(head) * 0.8,
  parse: parsePcap,
};

const STATE = { open: 'OTH', fin: 'SF', rst: 'RST' } as const;

export function flowRow(c: TrackedConnection, org: string | null, sensor: string | null): Row {
  return {
    org, sensor, ts: c.start, duration: c.end - c.start, src: c.src, sport: c.sport, dst: c.dst, dport: c.dport,
    proto: c.proto, service: null, bytes_out: c.bytes[0], bytes_in: c.bytes[1], pkts_out: c.pkts[0], pkts_in: c.pkts[1],
    state: STATE[c.state], uid: c.id,
  };
}

async function* parsePcap(input: ParserInput, opts: ParseOptions): AsyncIterable<RecordBatch> {
  const tracker = new ConnectionTracker();
  const org = opts.org ?? null, sensor = opts.sensor ?? null;
  let bytesDone = 0;
  for await (const batch of readCaptureBatches(input.open(), opts.file)) {
    const packets: Row[] = [];
    const rejects: Reject[] = [];
    for (const p of batch) {
      const why: SkipCounts = {};
      const d = decodePacket(p.linkType, p.data, why);
      const tracked = d && !Number.isNaN(p.ts) ? tracker.add(p.ts, d) : null;
      if (!tracked) {
        const reason = Object.keys(why)[0] ?? (d ? `IP protocol ${d.proto} (not TCP/UDP)` : 'no timestamp');
        rejects.push({ file: opts.file, offset: p.offset, reason: `skipped: ${reason}` });
        continue;
      }
      packets.push({ sensor, conn: tracked.conn.id, ts: p.ts, dir: tracked.dir, len: d!.payloadLength, flags: d!.tcpFlags ?? 0 });
      bytesDone = p.offset + p.data.length;
    }
    yield { rows: { packets }, read: batch.length, rejects, bytesDone };
  }
  const flows = tracker.finish().map((c) => flowRow(c, org, sensor));
  yield { rows: { flows }, read: 0, rejects: [], bytesDone };
}
