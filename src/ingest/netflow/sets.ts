// NetFlow v9 and IPFIX export packets: header, then sets (templates, options templates, data).
import type { Reject } from '../../core/types.ts';
import { applyField } from './ies.ts';
import { emptyFlow, type Flow, type HeaderClock } from './flow.ts';
import { readTemplateSet, VARIABLE_LENGTH, type Template, type TemplateCache } from './templates.ts';

export interface DecodeContext {
  file: string;
  exporter: string;
  templates: TemplateCache;
  /** Data records of options templates (exporter statistics, not flows): skipped, counted here. */
  optionRecords: number;
  /** Exporter boot times (epoch ms) from IPFIX options records (IE 160), by exporter and observation domain. */
  systemInit?: Map<string, number>;
}

/** Decoded flows with the byte offset of their record (relative to the buffer until decodePackets rebases it). */
export interface Decoded { flows: Array<{ flow: Flow; clock: HeaderClock; offset: number }>; rejects: Reject[] }

export const V9_HEADER = 20;
export const IPFIX_HEADER = 16;

/** Decodes one v9 (version 9) or IPFIX (version 10) packet occupying buf[at, end). */
export function decodeTemplated(buf: Buffer, at: number, end: number, ctx: DecodeContext, out: Decoded): void {
  const ipfix = buf.readUInt16BE(at) === 10;
  const clock: HeaderClock = ipfix
    ? { exportTime: buf.readUInt32BE(at + 4), sysUptime: null }
    : { exportTime: buf.readUInt32BE(at + 8), sysUptime: buf.readUInt32BE(at + 4) };
  const domain = buf.readUInt32BE(at + (ipfix ? 12 : 16));
  let p = at + (ipfix ? IPFIX_HEADER : V9_HEADER);
  while (p + 4 <= end) {
    const setId = buf.readUInt16BE(p);
    const setLength = buf.readUInt16BE(p + 2);
    if (setLength < 4 || p + setLength > end) throw new Error(`set ${setId} at byte ${p} has length ${setLength}, ${end - p} bytes left`);
    const body = p + 4;
    const setEnd = p + setLength;
    if (setId === (ipfix ? 2 : 0) || setId === (ipfix ? 3 : 1)) {
      const templates = readTemplateSet(buf, body, setEnd, ipfix, setId === (ipfix ? 3 : 1));
      for (const t of templates) ctx.templates.set(ctx.exporter, domain, t);
    } else if (setId >= 256) {
      const t = ctx.templates.get(ctx.exporter, domain, setId);
      if (!t) {
        out.rejects.push({ file: ctx.file, offset: p, reason: `offset ${p}: no template ${setId} for source ${domain} (data set before its template)` });
      } else decodeDataSet(buf, body, setEnd, t, withBootTime(clock, ctx, domain), domain, ctx, out);
    } else throw new Error(`reserved set id ${setId} at byte ${p}`);
    p = setEnd;
  }
  // The v9 header Count is not checked: RFC 3954 says it totals template and data records, but real exporters
  // disagree (softflowd, as on pfSense/OPNsense, counts only flows; Wireshark, nfcapd and goflow2 ignore it).
  // The set lengths frame the packet; a set that overruns it is still an error.
}

function decodeDataSet(
  buf: Buffer, at: number, end: number, t: Template, clock: HeaderClock, domain: number, ctx: DecodeContext, out: Decoded,
): void {
  while (at + t.minLength <= end && t.minLength > 0) {
    const offset = at;
    const flow = emptyFlow();
    for (const spec of t.fields) {
      let length = spec.length;
      if (length === VARIABLE_LENGTH) {
        length = buf[at++];
        if (length === 255) { length = buf.readUInt16BE(at); at += 2; }
      }
      if (at + length > end) throw new Error(`record of template ${t.id} runs past the end of its data set`);
      applyField(flow, spec, buf, at, length);
      at += length;
    }
    if (!t.options) out.flows.push({ flow, clock, offset });
    else {
      ctx.optionRecords++;
      if (flow.systemInit != null) (ctx.systemInit ??= new Map()).set(`${ctx.exporter}|${domain}`, flow.systemInit);
    }
  }
}

/** The packet clock plus the exporter's boot time once an IPFIX options record announced it (softflowd does). */
function withBootTime(clock: HeaderClock, ctx: DecodeContext, domain: number): HeaderClock {
  const init = clock.sysUptime == null ? ctx.systemInit?.get(`${ctx.exporter}|${domain}`) : undefined;
  return init == null ? clock : { ...clock, bootTime: init / 1000 };
}

/** Byte length of the v9 packet starting at `at`: flowsets until the data ends or a reserved id (a new header). */
export function v9Length(buf: Buffer, at: number, end: number): number {
  let p = at + V9_HEADER;
  while (p + 4 <= end) {
    const id = buf.readUInt16BE(p);
    if (id > 1 && id < 256) break;
    const len = buf.readUInt16BE(p + 2);
    if (len < 4 || p + len > end) return p + 4 > end ? p - at : Math.min(end, p + Math.max(len, 4)) - at;
    p += len;
  }
  return p - at;
}
