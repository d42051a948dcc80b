// `nfdump -o csv` (1.6.x layout) writer for a provider's border router: unidirectional flow records, times in
// the router's local zone without an offset (as nfdump prints them), and the Summary trailer.
import { parseIpv4 } from '../core/ip.ts';
import type { Conn } from './conn.ts';
import { FileSink } from './file-sink.ts';

export const NFDUMP_HEADER = 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das,smk,dmk,dtos,dir,nh,nhb,svln,dvln,ismc,odmc,idmc,osmc,mpls1,mpls2,mpls3,mpls4,mpls5,mpls6,mpls7,mpls8,mpls9,mpls10,cl,sl,al,ra,eng,exid,tr';

const ZERO_MAC = '00:00:00:00:00:00';
const MPLS = Array(10).fill('0-0-0').join(',');

export interface RouterInfo { ip: string; asn: number; tzOffsetMin: (epochMs: number) => number; inside: (ip: string) => boolean; asnOf: (ip: string) => number }

export class NfdumpWriter {
  private readonly sink: FileSink;
  flows = 0;
  private bytes = 0;
  private packets = 0;
  private first = Infinity;
  private last = -Infinity;

  constructor(path: string, private readonly router: RouterInfo) {
    this.sink = new FileSink(path);
    this.sink.write(`${NFDUMP_HEADER}\n`);
  }

  /** Writes the connection as one or two unidirectional records (the reply only when it carried packets). */
  write(c: Conn): void {
    const dur = c.duration ?? 0;
    this.record(c.ts, dur, c.src, c.dst, c.sport, c.dport, c.proto, flagsOf(c, true), c.op, c.ob + c.op * 52);
    if (c.rp > 0) this.record(c.ts + Math.min(dur, 0.0005), Math.max(0, dur - 0.0005), c.dst, c.src, c.dport, c.sport, c.proto, flagsOf(c, false), c.rp, c.rb + c.rp * 52);
  }

  private record(ts: number, td: number, sa: string, da: string, sp: number, dp: number, proto: string, flg: string, pkts: number, bytes: number): void {
    const r = this.router;
    const inbound = r.inside(da);
    const te = ts + td;
    const smk = sa.includes('.') ? 24 : 48;
    const line = `${local(ts, r)},${local(te, r)},${td.toFixed(3)},${sa},${da},${sp},${dp},${proto.toUpperCase()},${flg},0,0,${pkts},${bytes},0,0,` +
      `${inbound ? 1 : 2},${inbound ? 2 : 1},${r.asnOf(sa)},${r.asnOf(da)},${smk},${smk},0,${inbound ? 0 : 1},0.0.0.0,0.0.0.0,0,0,` +
      `${ZERO_MAC},${ZERO_MAC},${ZERO_MAC},${ZERO_MAC},${MPLS},    0.000,    0.000,    0.000,${r.ip},0/0,1,${local(te + 1.2, r, true)}\n`;
    this.sink.write(line);
    this.flows++;
    this.bytes += bytes;
    this.packets += pkts;
    this.first = Math.min(this.first, ts);
    this.last = Math.max(this.last, te);
  }

  close(): number {
    const dur = this.last > this.first ? this.last - this.first : 0;
    const bps = dur > 0 ? Math.floor((this.bytes * 8) / dur) : 0;
    const pps = dur > 0 ? Math.floor(this.packets / dur) : 0;
    const bpp = this.packets ? Math.floor(this.bytes / this.packets) : 0;
    this.sink.write(`Summary\nflows,bytes,packets,avg_bps,avg_pps,avg_bpp\n${this.flows},${this.bytes},${this.packets},${bps},${pps},${bpp}\n`);
    this.sink.close();
    return this.sink.bytes;
  }
}

function local(ts: number, r: RouterInfo, millis = false): string {
  const ms = Math.floor(ts * 1000);
  const d = new Date(ms + r.tzOffsetMin(ms) * 60000).toISOString().replace('T', ' ');
  return millis ? d.slice(0, 23) : d.slice(0, 19);
}

function flagsOf(c: Conn, orig: boolean): string {
  if (c.proto !== 'tcp') return '......';
  let f = 0;
  if (c.state === 'S0') f = orig ? 0x02 : 0;
  else if (c.state === 'REJ') f = orig ? 0x02 : 0x14;
  else f = 0x02 | 0x10 | 0x08 | 0x01;
  return `${f & 32 ? 'U' : '.'}${f & 16 ? 'A' : '.'}${f & 8 ? 'P' : '.'}${f & 4 ? 'R' : '.'}${f & 2 ? 'S' : '.'}${f & 1 ? 'F' : '.'}`;
}

export function isV4(ip: string): boolean {
  return parseIpv4(ip) !== null;
}
