// Zeek JSON lines → rows. Accepts dotted keys (`id.orig_h`, ISO or epoch `ts`) and underscore keys
// (`id_orig_h`, epoch seconds). The log path comes from `_path`, else from the first record's fields.
import { WrongFormatError } from '../contract.ts';
import { inferPath, mapperForPath, unsupportedMessage, type LogMapper, type Tags } from './mappers.ts';
import { BAD, fromJson, type ZeekValue } from './values.ts';
import type { Sink } from './sink.ts';

type Obj = Record<string, unknown>;

export function isZeekJsonRecord(o: unknown): o is Obj {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return false;
  const r = o as Obj;
  return 'ts' in r && ('id.orig_h' in r || 'id_orig_h' in r || nestedId(r) != null || (typeof r._path === 'string' && 'uid' in r));
}

/** The `id` record when a tool nested it (`"id":{"orig_h":…}`: Tenzir/VAST and Zed JSON exports of Zeek logs). */
function nestedId(r: Obj): Obj | null {
  const id = r.id;
  return id != null && typeof id === 'object' && !Array.isArray(id) && 'orig_h' in id ? (id as Obj) : null;
}

/** Moves a nested `id` record's fields to Zeek's own dotted keys (`id.orig_h`…), in place. */
export function flattenId(r: Obj): Obj {
  const id = nestedId(r);
  if (id) {
    delete r.id;
    for (const [k, v] of Object.entries(id)) r[`id.${k}`] = v;
  }
  return r;
}

export class JsonLog {
  private first = true;
  private readonly values: ZeekValue[] = new Array(16).fill(null);

  constructor(private readonly tags: Tags) {}

  line(text: string, no: number, sink: Sink): void {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      if (this.first) throw new WrongFormatError(`not Zeek JSON: line ${no} is not a JSON object (${(e as Error).message})`, no);
      sink.reject(no, `bad JSON: ${(e as Error).message}`, text);
      return;
    }
    if (!isZeekJsonRecord(obj)) {
      if (this.first) throw new WrongFormatError('not Zeek JSON: the first record has no ts and id.orig_h/id_orig_h fields', no);
      sink.reject(no, 'not a Zeek record (no ts and id.orig_h)', text);
      return;
    }
    flattenId(obj);
    const mapper = this.mapperFor(obj, no, sink, text);
    this.first = false;
    if (!mapper) return;
    const reason = this.convert(mapper, obj);
    if (reason) sink.reject(no, reason, text);
    else sink.row(mapper.table, mapper.build(this.values, this.tags));
  }

  private mapperFor(obj: Obj, no: number, sink: Sink, text: string): LogMapper | null {
    // Without `_path` each record names its log by its fields: exports may mix logs (Tenzir, Zed).
    const path = typeof obj._path === 'string' ? obj._path : inferPath(Object.keys(obj).map(dotted));
    const mapper = path ? mapperForPath(path) : undefined;
    if (mapper) return mapper;
    const message = path ? unsupportedMessage(path) : 'zeek JSON record without _path whose fields match no supported log';
    if (this.first) throw new WrongFormatError(message, no);
    sink.reject(no, message, text);
    return null;
  }

  private convert(mapper: LogMapper, obj: Obj): string | null {
    const specs = mapper.fields;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      const raw = spec.name in obj ? obj[spec.name] : obj[underscored(spec.name)];
      if (raw == null && spec.required) return `${spec.name} is missing`;
      const v = fromJson(spec.kind, raw);
      if (v === BAD) return `bad ${spec.kind === 'time' ? 'timestamp' : spec.kind} in ${spec.name}: ${JSON.stringify(raw).slice(0, 60)}`;
      this.values[i] = v;
    }
    return null;
  }
}

const UNDERSCORED = new Map<string, string>();
function underscored(name: string): string {
  let u = UNDERSCORED.get(name);
  if (u === undefined) UNDERSCORED.set(name, (u = name.replaceAll('.', '_')));
  return u;
}

/** `id_orig_h` → `id.orig_h` (only the conn id fields are known to have been dotted). */
export function dotted(key: string): string {
  return key.startsWith('id_') && /^id_(orig|resp)_[hp]$/.test(key) ? `id.${key.slice(3)}` : key;
}
