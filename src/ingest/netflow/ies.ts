// Information elements hoptrace decodes (IANA IPFIX numbering, shared by NetFlow v9 for ids < 128),
// and RFC 5103 reverse elements (enterprise 29305) used by biflow exporters such as YAF.
import { v4ToText, v6ToText } from '../../core/ip.ts';
import type { Flow } from './flow.ts';

export const REVERSE_PEN = 29305;

export interface FieldSpec { id: number; length: number; enterprise: number }

/** Unsigned big-endian integer of 1..8 bytes (reduced-size encoding) as a Number. */
export function readUint(buf: Buffer, at: number, length: number): number {
  let n = 0;
  for (let i = 0; i < length; i++) n = n * 256 + buf[at + i];
  return n;
}

function ipv6(buf: Buffer, at: number): string {
  let v = 0n;
  for (let i = 0; i < 16; i++) v = (v << 8n) | BigInt(buf[at + i]);
  const text = v6ToText(v);
  return v >> 32n === 0xffffn ? v4ToText(Number(v & 0xffffffffn)) : text;
}

/** NTP timestamp (RFC 5905: seconds since 1900 + fraction) to epoch seconds. */
function ntpToEpoch(buf: Buffer, at: number): number {
  return buf.readUInt32BE(at) - 2208988800 + buf.readUInt32BE(at + 4) / 2 ** 32;
}

/** Applies one field of a data record to the flow; unknown elements are ignored. */
export function applyField(f: Flow, spec: FieldSpec, buf: Buffer, at: number, length: number): void {
  if (spec.enterprise === REVERSE_PEN) {
    if (spec.id === 1 || spec.id === 85) f.bytesIn = readUint(buf, at, length);
    else if (spec.id === 2 || spec.id === 86) f.pktsIn = readUint(buf, at, length);
    return;
  }
  if (spec.enterprise !== 0) return;
  switch (spec.id) {
    case 1: case 85: case 231: f.bytesOut = readUint(buf, at, length); break;
    case 2: case 86: case 298: f.pktsOut = readUint(buf, at, length); break;
    case 232: f.bytesIn = readUint(buf, at, length); break;
    case 299: f.pktsIn = readUint(buf, at, length); break;
    case 4: f.proto = buf[at]; break;
    case 6: f.tcpFlags = readUint(buf, at, length) & 0xff; break;
    case 7: f.sport = readUint(buf, at, length); break;
    case 11: f.dport = readUint(buf, at, length); break;
    case 8: if (length === 4) f.src = v4ToText(buf.readUInt32BE(at)); break;
    case 12: if (length === 4) f.dst = v4ToText(buf.readUInt32BE(at)); break;
    case 27: if (length === 16) f.src = ipv6(buf, at); break;
    case 28: if (length === 16) f.dst = ipv6(buf, at); break;
    case 22: f.upStart = readUint(buf, at, length); break;
    case 21: f.upEnd = readUint(buf, at, length); break;
    case 150: f.start = readUint(buf, at, length); break;
    case 151: f.end = readUint(buf, at, length); break;
    case 152: f.start = readUint(buf, at, length) / 1000; break;
    case 153: f.end = readUint(buf, at, length) / 1000; break;
    case 154: case 156: if (length === 8) f.start = ntpToEpoch(buf, at); break;
    case 155: case 157: if (length === 8) f.end = ntpToEpoch(buf, at); break;
    case 160: f.systemInit = readUint(buf, at, length); break;
    case 323: if (f.start == null) f.start = readUint(buf, at, length) / 1000; break; // ASA NSEL event time
    default: break;
  }
}
