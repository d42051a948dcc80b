// Zeek TSV data lines → rows of the mapped log. Column positions are resolved once per header block; each
// line is scanned once with indexOf, and only the mapped columns are converted (numbers straight from the
// line, strings sliced only when kept).
import { WrongFormatError } from '../contract.ts';
import { unescapeZeek, ZeekHeader } from './header.ts';
import { inferPath, mapperForPath, unsupportedMessage, type FieldSpec, type LogMapper, type Tags } from './mappers.ts';
import { numberAt } from './number-at.ts';
import type { Sink } from './sink.ts';
import { BAD, fastCanonicalIp, fromTsv, type ZeekValue } from './values.ts';

export class TsvLog {
  header = new ZeekHeader();
  private compiled = -1;
  private mapper: LogMapper | null = null;
  /** For each column of the header: index of the mapper field it feeds, or -1. */
  private wanted = new Int16Array(0);
  private values: ZeekValue[] = [];

  constructor(private readonly tags: Tags) {}

  /** Returns true when the line was a data record (counted as read). */
  line(text: string, no: number, sink: Sink): boolean {
    if (text.charCodeAt(0) === 35) { // '#'
      // `#separator` opens every header block: a concatenated (rotated) log starts afresh there.
      if (text.startsWith('#separator')) this.header = new ZeekHeader();
      this.header.apply(text);
      return false;
    }
    if (this.header.fields == null) { sink.reject(no, 'data line before any #fields header', text); return true; }
    if (this.compiled !== this.header.version) this.compile(no);
    const reason = this.scan(text);
    if (reason) sink.reject(no, reason, text);
    else sink.row(this.mapper!.table, this.mapper!.build(this.values, this.tags));
    return true;
  }

  private compile(no: number): void {
    const fields = this.header.fields!;
    const path = this.header.path ?? inferPath(fields);
    if (!path) throw new WrongFormatError(`zeek log without #path whose fields match no supported log (${fields.slice(0, 6).join(', ')}…)`, no);
    const mapper = mapperForPath(path);
    if (!mapper) throw new WrongFormatError(unsupportedMessage(path), no);
    this.wanted = new Int16Array(fields.length).fill(-1);
    mapper.fields.forEach((f, i) => {
      const col = fields.indexOf(f.name);
      if (col >= 0) this.wanted[col] = i;
      else if (f.required) throw new WrongFormatError(`zeek ${path} log lacks required field ${f.name}`, no);
    });
    this.mapper = mapper;
    this.values = new Array(mapper.fields.length).fill(null);
    this.compiled = this.header.version;
  }

  /** Converts the mapped columns into `values`; returns a reject reason or null. */
  private scan(text: string): string | null {
    const sep = this.header.separator;
    const sepLen = sep.length;
    const count = this.wanted.length;
    let reason: string | null = null;
    let col = 0;
    let start = 0;
    for (;;) {
      const at = text.indexOf(sep, start);
      const end = at < 0 ? text.length : at;
      if (col < count && reason === null) {
        const field = this.wanted[col];
        if (field >= 0) reason = this.convert(field, text, start, end);
      }
      col++;
      if (at < 0) break;
      start = at + sepLen;
    }
    return col === count ? reason : `expected ${count} tab-separated fields, got ${col}`;
  }

  private convert(field: number, text: string, start: number, end: number): string | null {
    const spec = this.mapper!.fields[field];
    const h = this.header;
    if (end - start === h.unsetField.length && text.startsWith(h.unsetField, start)) {
      this.values[field] = null;
      return spec.required ? `${spec.name} is unset` : null;
    }
    let v: ZeekValue | typeof BAD;
    switch (spec.kind) {
      case 'time': case 'num': case 'int': {
        const n = numberAt(text, start, end);
        v = spec.kind === 'int' ? (Number.isInteger(n) ? n : BAD) : Number.isFinite(n) && (spec.kind === 'num' || n >= 0) ? n : BAD;
        break;
      }
      case 'str': {
        const s = text.slice(start, end);
        v = s === h.emptyField ? '' : s.indexOf('\\x') < 0 ? s : unescapeZeek(s);
        break;
      }
      case 'addr': v = fastCanonicalIp(text.slice(start, end)) ?? BAD; break;
      default: v = fromTsv(spec.kind, text.slice(start, end), h);
    }
    if (v === BAD) return badValue(spec, text.slice(start, end));
    this.values[field] = v;
    return null;
  }
}

function badValue(spec: FieldSpec, raw: string): string {
  return `bad ${spec.kind === 'time' ? 'timestamp' : spec.kind} in ${spec.name}: '${raw.slice(0, 60)}'`;
}
