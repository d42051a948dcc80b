// Detector input from the case store: flows (every source) joined in TS with packet timing (captures only).
import { keyToIp } from '../../core/ip.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import type { RelayConnection } from './types.ts';

const FLOWS_SQL = sqlFile(import.meta.url, 'relay-flows');
const PACKETS_SQL = sqlFile(import.meta.url, 'relay-packets');

interface FlowRow {
  evidence_id: string; uid: string | null; ts: number; duration: number; src: number | bigint; sport: number; dst: number | bigint; dport: number;
  proto: string; bytes_out: number | null; bytes_in: number | null; pkts_out: number | null; pkts_in: number | null;
}
interface PacketRow { evidence_id: string; conn: string; up: number[] | null; down: number[] | null }

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const pair = (a: unknown, b: unknown): [number, number] | null => (n(a) === null || n(b) === null ? null : [Number(a), Number(b)]);

export async function connectionsFromStore(store: Store, window: { since: number; until: number }): Promise<RelayConnection[]> {
  const flows = await store.query<FlowRow>(FLOWS_SQL, window);
  const packets = await store.query<PacketRow>(PACKETS_SQL, { minPayload: 1 });
  const timing = new Map(packets.map((p) => [`${p.evidence_id}\u0000${p.conn}`, p]));
  const v6 = await store.ip6Texts([...new Set(flows.flatMap((f) => [Number(f.src), Number(f.dst)]).filter((k) => k < 0))]);
  return flows.map((f) => {
    const t = f.uid ? timing.get(`${f.evidence_id}\u0000${f.uid}`) : undefined;
    const start = Number(f.ts);
    const c: RelayConnection = {
      id: f.uid ?? '', proto: f.proto, src: keyToIp(Number(f.src), v6) ?? String(f.src), sport: Number(f.sport),
      dst: keyToIp(Number(f.dst), v6) ?? String(f.dst), dport: Number(f.dport), start, end: start + Number(f.duration),
      sensor: f.evidence_id, bytes: pair(f.bytes_out, f.bytes_in), pkts: pair(f.pkts_out, f.pkts_in), evidence: [f.evidence_id],
    };
    if (t) {
      const up = (t.up ?? []).map(Number), down = (t.down ?? []).map(Number);
      c.timing = [{ times: up, sizes: up }, { times: down, sizes: down }];
    }
    return c;
  });
}
