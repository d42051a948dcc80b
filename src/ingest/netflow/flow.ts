// One decoded flow record and its mapping to a `flows` row. Fields are filled from v5 records or from
// the information elements (IEs) of v9/IPFIX templates.
import type { Row } from '../../store/store.ts';

export interface Flow {
  src: string | null;
  dst: string | null;
  sport: number | null;
  dport: number | null;
  proto: number | null;
  tcpFlags: number | null;
  bytesOut: number | null;
  bytesIn: number | null;
  pktsOut: number | null;
  pktsIn: number | null;
  /** Absolute start/end, epoch seconds. */
  start: number | null;
  end: number | null;
  /** Start/end relative to the exporter's boot, milliseconds (v5, v9, IPFIX IE 21/22). */
  upStart: number | null;
  upEnd: number | null;
  /** IPFIX systemInitTimeMilliseconds (IE 160): the exporter's boot time, epoch ms (sent in options records). */
  systemInit: number | null;
}

export function emptyFlow(): Flow {
  return {
    src: null, dst: null, sport: null, dport: null, proto: null, tcpFlags: null, bytesOut: null, bytesIn: null,
    pktsOut: null, pktsIn: null, start: null, end: null, upStart: null, upEnd: null, systemInit: null,
  };
}

/** Times carried by the export packet header, used to place sysUpTime-relative flow times. */
export interface HeaderClock {
  /** Export time, epoch seconds (with sub-second part for v5). */
  exportTime: number;
  /** Exporter uptime at export, ms; null for IPFIX (no uptime in its header). */
  sysUptime: number | null;
  /** IPFIX: exporter boot time, epoch seconds, when an options record announced it (IE 160). */
  bootTime?: number;
}

const PROTOCOLS: Record<number, string> = { 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'icmp', 132: 'sctp' };
const FLAG_LETTERS = 'CEUAPRSF';

/** nfdump-style flag string: 8 positions CWR ECE URG ACK PSH RST SYN FIN, '.' when unset. */
export function tcpFlagString(flags: number): string {
  let s = '';
  for (let bit = 7; bit >= 0; bit--) s += flags & (1 << bit) ? FLAG_LETTERS[7 - bit] : '.';
  return s;
}

export function flowToRow(f: Flow, clock: HeaderClock, tags: { org: string | null; sensor: string | null }): Row | string {
  if (!f.src || !f.dst) return 'flow record without source/destination address';
  let start = f.start;
  let end = f.end;
  if (start == null && f.upStart != null) {
    // IPFIX without systemInitTime: anchor the flow's end at the export time.
    start = clock.sysUptime != null ? clock.exportTime - (clock.sysUptime - f.upStart) / 1000
      : clock.bootTime != null ? clock.bootTime + f.upStart / 1000
        : clock.exportTime - ((f.upEnd ?? f.upStart) - f.upStart) / 1000;
  }
  if (end == null && f.upEnd != null) {
    end = clock.sysUptime != null ? clock.exportTime - (clock.sysUptime - f.upEnd) / 1000
      : clock.bootTime != null ? clock.bootTime + f.upEnd / 1000 : clock.exportTime;
  }
  const ts = start ?? end ?? clock.exportTime;
  return {
    org: tags.org, sensor: tags.sensor, ts, duration: flowDuration(f, start, end),
    src: f.src, sport: f.sport, dst: f.dst, dport: f.dport,
    proto: f.proto == null ? null : PROTOCOLS[f.proto] ?? String(f.proto), service: null,
    bytes_out: f.bytesOut, bytes_in: f.bytesIn, pkts_out: f.pktsOut, pkts_in: f.pktsIn,
    state: f.tcpFlags != null && f.proto === 6 ? tcpFlagString(f.tcpFlags) : null, uid: null,
  };
}

const UPTIME_WRAP = 2 ** 32;

/**
 * Seconds between first and last packet. From the two uptimes when the record has them (exact milliseconds,
 * across a 32-bit uptime wrap); else from the absolute times, rounded to microseconds so that the difference
 * of two epoch doubles does not show binary noise (8.614000082 for 8.614).
 */
function flowDuration(f: Flow, start: number | null, end: number | null): number | null {
  if (f.start == null && f.end == null && f.upStart != null && f.upEnd != null) {
    return ((f.upEnd - f.upStart + UPTIME_WRAP) % UPTIME_WRAP) / 1000;
  }
  if (start == null || end == null) return null;
  return Math.max(0, Math.round((end - start) * 1e6) / 1e6);
}
