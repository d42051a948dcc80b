// Template sets of NetFlow v9 (flowset 0 templates, 1 options templates) and IPFIX (set 2 templates,
// 3 options templates), cached per (exporter, observation domain / source id, template id).
import type { FieldSpec } from './ies.ts';

export const VARIABLE_LENGTH = 65535;

export interface Template { id: number; fields: FieldSpec[]; options: boolean; /** Minimum record length. */ minLength: number }

export class TemplateCache {
  private readonly map = new Map<string, Template>();
  templates = 0;
  optionsTemplates = 0;

  static key(exporter: string, domain: number, id: number): string {
    return `${exporter}|${domain}|${id}`;
  }

  get(exporter: string, domain: number, id: number): Template | undefined {
    return this.map.get(TemplateCache.key(exporter, domain, id));
  }

  set(exporter: string, domain: number, t: Template): void {
    this.map.set(TemplateCache.key(exporter, domain, t.id), t);
    if (t.options) this.optionsTemplates++;
    else this.templates++;
  }
}

function minLength(fields: FieldSpec[]): number {
  return fields.reduce((n, f) => n + (f.length === VARIABLE_LENGTH ? 1 : f.length), 0);
}

/** Field specifiers from `at`; IPFIX ones may carry an enterprise number (high bit of the id). */
function readFields(buf: Buffer, at: number, count: number, end: number, ipfix: boolean): { fields: FieldSpec[]; at: number } {
  const fields: FieldSpec[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 4 > end) throw new Error(`template field ${i + 1} of ${count} runs past the end of its set`);
    let id = buf.readUInt16BE(at);
    const length = buf.readUInt16BE(at + 2);
    at += 4;
    let enterprise = 0;
    if (ipfix && id & 0x8000) {
      if (at + 4 > end) throw new Error('enterprise number runs past the end of its set');
      id &= 0x7fff;
      enterprise = buf.readUInt32BE(at);
      at += 4;
    }
    if (length === 0 || (length === VARIABLE_LENGTH && !ipfix)) throw new Error(`field ${id} has invalid length ${length}`);
    fields.push({ id, length, enterprise });
  }
  return { fields, at };
}

/** Reads every template record of one template set (body from `at` to `end`). */
export function readTemplateSet(buf: Buffer, at: number, end: number, ipfix: boolean, options: boolean): Template[] {
  const out: Template[] = [];
  while (at + 4 <= end) {
    const id = buf.readUInt16BE(at);
    let count: number;
    if (!options) {
      count = buf.readUInt16BE(at + 2);
      at += 4;
    } else if (ipfix) {
      if (at + 6 > end) break;
      count = buf.readUInt16BE(at + 2); // total field count, scope fields first
      at += 6;
    } else {
      if (at + 6 > end) break;
      const scopeBytes = buf.readUInt16BE(at + 2);
      const optionBytes = buf.readUInt16BE(at + 4);
      if (scopeBytes % 4 || optionBytes % 4) throw new Error(`options template ${id}: scope/option lengths not multiples of 4`);
      count = (scopeBytes + optionBytes) / 4;
      at += 6;
    }
    if (id < 256) {
      if (id === 0 && count === 0) break; // padding
      throw new Error(`template id ${id} is below 256`);
    }
    if (count === 0) { at += 0; continue; } // IPFIX template withdrawal
    const read = readFields(buf, at, count, end, ipfix);
    at = read.at;
    out.push({ id, fields: read.fields, options, minLength: minLength(read.fields) });
  }
  return out;
}
