// NetFlow v5: 24-byte header (count, sysUptime, unix_secs, unix_nsecs…) then count × 48-byte records.
import { v4ToText } from '../../core/ip.ts';
import { emptyFlow, type HeaderClock } from './flow.ts';
import type { Decoded } from './sets.ts';

export const V5_HEADER = 24;
export const V5_RECORD = 48;
export const V5_MAX_COUNT = 30;

export function v5Length(buf: Buffer, at: number): number {
  return V5_HEADER + buf.readUInt16BE(at + 2) * V5_RECORD;
}

export function decodeV5(buf: Buffer, at: number, end: number, out: Decoded): void {
  const count = buf.readUInt16BE(at + 2);
  if (count === 0 || count > V5_MAX_COUNT) throw new Error(`v5 record count ${count} outside 1..${V5_MAX_COUNT}`);
  if (at + V5_HEADER + count * V5_RECORD > end) throw new Error(`v5 packet of ${count} records needs ${V5_HEADER + count * V5_RECORD} bytes, ${end - at} left`);
  const clock: HeaderClock = {
    sysUptime: buf.readUInt32BE(at + 4),
    exportTime: buf.readUInt32BE(at + 8) + buf.readUInt32BE(at + 12) / 1e9,
  };
  for (let i = 0; i < count; i++) {
    const r = at + V5_HEADER + i * V5_RECORD;
    const flow = emptyFlow();
    flow.src = v4ToText(buf.readUInt32BE(r));
    flow.dst = v4ToText(buf.readUInt32BE(r + 4));
    flow.pktsOut = buf.readUInt32BE(r + 16);
    flow.bytesOut = buf.readUInt32BE(r + 20);
    flow.upStart = buf.readUInt32BE(r + 24);
    flow.upEnd = buf.readUInt32BE(r + 28);
    flow.sport = buf.readUInt16BE(r + 32);
    flow.dport = buf.readUInt16BE(r + 34);
    flow.tcpFlags = buf[r + 37];
    flow.proto = buf[r + 38];
    out.flows.push({ flow, clock, offset: r });
  }
}
