// Zeek TSV data lines → rows of the mapped log. Column positions are resolved once per header block;
// each line is split with indexOf into a reused position array and only the needed columns are converted.
import { WrongFormatError } from '../contract.ts';
import { unescapeZeek, ZeekHeader } from './header.ts';
import { inferPath, MAPPERS, unsupportedMessage, type LogMapper, type Tags } from './mappers.ts';
import { BAD, fromTsv, type ZeekValue } from './values.ts';
import type { Sink } from './sink.ts';

export class TsvLog {
  header = new ZeekHeader();
  private compiled = -1;
  private mapper: LogMapper | null = null;
  private columns: number[] = [];
  private ends = new Int32Array(64);
  private values: ZeekValue[] = [];
  private afterData = false;

  constructor(private readonly tags: Tags) {}

  /** Returns true when the line was a data record (counted as read). */
  line(text: string, no: number, sink: Sink): boolean {
    if (text.charCodeAt(0) === 35) { // '#'
      if (this.afterData && text.startsWith('#separator')) this.header = new ZeekHeader();
      this.afterData = false;
      this.header.apply(text);
      return false;
    }
    this.afterData = true;
    if (this.header.fields == null) { sink.reject(no, 'data line before any #fields header', text); return true; }
    if (this.compiled !== this.header.version) this.compile(no);
    const n = this.split(text);
    const want = this.header.fields.length;
    if (n !== want) { sink.reject(no, `expected ${want} tab-separated fields, got ${n}`, text); return true; }
    const reason = this.convert(text);
    if (reason) sink.reject(no, reason, text);
    else sink.row(this.mapper!.table, this.mapper!.build(this.values, this.tags));
    return true;
  }

  private compile(no: number): void {
    const h = this.header;
    const fields = h.fields!;
    const path = h.path ?? inferPath(fields);
    if (!path) throw new WrongFormatError(`zeek log without #path whose fields match no supported log (${fields.slice(0, 6).join(', ')}…)`, no);
    const mapper = MAPPERS[path];
    if (!mapper) throw new WrongFormatError(unsupportedMessage(path), no);
    for (const f of mapper.fields) {
      if (f.required && !fields.includes(f.name)) throw new WrongFormatError(`zeek ${path} log lacks required field ${f.name}`, no);
    }
    this.mapper = mapper;
    this.columns = mapper.fields.map((f) => fields.indexOf(f.name));
    this.values = new Array(mapper.fields.length).fill(null);
    if (this.ends.length < fields.length + 1) this.ends = new Int32Array(fields.length + 1);
    this.compiled = h.version;
  }

  /** Records the end offset of each field; returns the field count (capped one past the expected count). */
  private split(text: string): number {
    const sep = this.header.separator;
    const max = this.ends.length - 1;
    let n = 0;
    let at = text.indexOf(sep);
    while (at >= 0 && n < max) {
      this.ends[n++] = at;
      at = text.indexOf(sep, at + sep.length);
    }
    if (at >= 0) return max + 1;
    this.ends[n++] = text.length;
    return n;
  }

  private convert(text: string): string | null {
    const h = this.header;
    const specs = this.mapper!.fields;
    const { unsetField, emptyField } = h;
    const sepLen = h.separator.length;
    const ends = this.ends;
    const values = this.values;
    for (let i = 0; i < specs.length; i++) {
      const col = this.columns[i];
      if (col < 0) { values[i] = null; continue; }
      const s = text.slice(col === 0 ? 0 : ends[col - 1] + sepLen, ends[col]);
      const spec = specs[i];
      if (s === unsetField) {
        if (spec.required) return `${spec.name} is unset`;
        values[i] = null;
        continue;
      }
      const kind = spec.kind;
      let v: ZeekValue | typeof BAD;
      if (kind === 'str') v = s === emptyField ? '' : s.indexOf('\\x') < 0 ? s : unescapeZeek(s);
      else if (kind === 'int' || kind === 'num' || kind === 'time') {
        const n = s.length === 0 ? NaN : +s;
        v = kind === 'int' ? (Number.isInteger(n) ? n : BAD) : Number.isFinite(n) && (kind === 'num' || n >= 0) ? n : BAD;
      } else v = fromTsv(kind, s, h);
      if (v === BAD) return `bad ${kind === 'time' ? 'timestamp' : kind} in ${spec.name}: '${s.slice(0, 60)}'`;
      values[i] = v;
    }
    return null;
  }
}
