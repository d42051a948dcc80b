// Files → detector input: captures are tracked here with full packet timing; flow files (Zeek conn,
// nfdump, NetFlow/IPFIX) go through their ingest format and give connections without timing.
import { InputError } from '../../core/errors.ts';
import { WrongFormatError } from '../../ingest/contract.ts';
import { detectFormat, openInput } from '../../ingest/detect.ts';
import { FORMATS } from '../../ingest/formats.ts';
import { CaptureError } from '../../ingest/pcap/capture-error.ts';
import { trackCapture } from '../../ingest/pcap/track-capture.ts';
import type { Row } from '../../store/store.ts';
import { fromTracked } from './from-capture.ts';
import type { RelayConnection } from './types.ts';

export interface LoadedInput { path: string; format: string; connections: RelayConnection[]; notes: string[] }

export async function loadRelayInput(path: string): Promise<LoadedInput> {
  const { format } = await detectFormat(path);
  try {
    if (format === 'pcap') {
      const s = await trackCapture(openInput(path).open(), path);
      const skipped = Object.entries(s.skipped).map(([k, v]) => `${v} ${k}`);
      const notes = [`${s.packets} packets, ${s.connections.length} connections${s.otherIp ? `, ${s.otherIp} non-TCP/UDP IP packets` : ''}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}`];
      return { path, format, connections: fromTracked(s.connections, path), notes };
    }
    return await loadFlows(path, format);
  } catch (e) {
    if (e instanceof CaptureError) throw new InputError(e.reason, path, { offset: e.offset });
    if (e instanceof WrongFormatError) throw new InputError(e.message, path, { offset: e.offset, line: e.line });
    throw e;
  }
}

async function loadFlows(path: string, format: string): Promise<LoadedInput> {
  const parser = FORMATS.find((f) => f.name === format)!;
  const connections: RelayConnection[] = [];
  let rejects = 0;
  for await (const batch of parser.parse(openInput(path), { file: path })) {
    rejects += batch.rejects.length;
    for (const r of (batch.rows.flows ?? []) as Row[]) {
      const c = flowConnection(r, path);
      if (c) connections.push(c);
    }
  }
  if (!connections.length && rejects === 0) throw new InputError(`${format} input carries no flow records (relays needs captures or flows)`, path);
  return { path, format, connections, notes: [`${connections.length} flow records${rejects ? `, ${rejects} rejected` : ''}`] };
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

function flowConnection(r: Row, sensor: string): RelayConnection | null {
  const start = num(r.ts);
  if (start === null || r.sport == null || r.dport == null) return null;
  const bo = num(r.bytes_out), bi = num(r.bytes_in), po = num(r.pkts_out), pi = num(r.pkts_in);
  return {
    id: String(r.uid ?? ''), proto: String(r.proto ?? 'tcp'), src: String(r.src), sport: Number(r.sport),
    dst: String(r.dst), dport: Number(r.dport), start, end: start + (num(r.duration) ?? 0), sensor,
    bytes: bo === null || bi === null ? null : [bo, bi], pkts: po === null || pi === null ? null : [po, pi],
  };
}
