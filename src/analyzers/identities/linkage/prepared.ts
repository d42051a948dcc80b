// Records prepared once for comparison: one column of prepared values per field.
import { KIND_DEFS, type Kind } from './kinds.ts';

export interface FieldSpec { column: string; kind: Kind; name?: string }
export interface InputRecord { id: string; source?: 0 | 1; values: Record<string, string | null | undefined> }

export interface PreparedSet {
  ids: string[];
  /** 0 = left / only file, 1 = right file (linkage mode). */
  source: Uint8Array;
  fields: FieldSpec[];
  /** columns[f][i] = prepared value of field f for record i, or null. */
  columns: unknown[][];
  /** Term frequency per field: tfKey → count. */
  tf: Map<string, number>[];
  /** Compare function per field (looked up once). */
  compare: ((a: any, b: any) => number)[];
  /** Indices of the given and surname fields when both exist (swapped-order check). */
  swap: [number, number] | null;
}

export function fieldName(f: FieldSpec): string {
  return f.name ?? f.column;
}

const REPEATING = new Set(['name', 'given', 'surname', 'text', 'address', 'date', 'postcode']);

export function prepareRecords(records: InputRecord[], fields: FieldSpec[]): PreparedSet {
  const n = records.length;
  const columns = fields.map(() => new Array<unknown>(n));
  const tf = fields.map(() => new Map<string, number>());
  const source = new Uint8Array(n);
  fields.forEach((f, k) => {
    const def = KIND_DEFS[f.kind];
    const col = columns[k];
    const counts = tf[k];
    // Names, dates, addresses repeat a lot: prepare each distinct text once and share the result.
    const cache = REPEATING.has(f.kind) ? new Map<string, unknown>() : null;
    for (let i = 0; i < n; i++) {
      const raw = records[i].values[f.column];
      let p: unknown = null;
      if (raw != null && String(raw).trim() !== '') {
        const text = String(raw);
        if (cache) {
          p = cache.get(text);
          if (p === undefined) { p = def.prepare(text); cache.set(text, p); }
        } else p = def.prepare(text);
      }
      col[i] = p;
      if (p !== null) { const key = def.tfKey(p); counts.set(key, (counts.get(key) ?? 0) + 1); }
    }
  });
  for (let i = 0; i < n; i++) source[i] = records[i].source ?? 0;
  const g = fields.findIndex((f) => f.kind === 'given');
  const s = fields.findIndex((f) => f.kind === 'surname');
  return {
    ids: records.map((r) => r.id), source, fields, columns, tf,
    compare: fields.map((f) => KIND_DEFS[f.kind].compare), swap: g >= 0 && s >= 0 ? [g, s] : null,
  };
}

/** Agreement levels of one pair, written into `out` at `offset` (-1 = missing). */
export function compareInto(p: PreparedSet, i: number, j: number, out: Int8Array, offset: number): void {
  const { columns, compare } = p;
  for (let k = 0; k < compare.length; k++) {
    const a = columns[k][i];
    const b = columns[k][j];
    out[offset + k] = a === null || b === null ? -1 : compare[k](a, b);
  }
  if (p.swap) fixSwappedNames(p, p.swap[0], p.swap[1], i, j, out, offset);
}

/** Given and family names written the other way round agree as "phonetic-or-close". */
function fixSwappedNames(p: PreparedSet, g: number, s: number, i: number, j: number, out: Int8Array, offset: number): void {
  if (out[offset + g] >= 3 && out[offset + s] >= 3) return;
  const name = KIND_DEFS.name;
  const [gi, si, gj, sj] = [p.columns[g][i], p.columns[s][i], p.columns[g][j], p.columns[s][j]];
  if (gi === null || si === null || gj === null || sj === null) return;
  if (name.compare(gi, sj) >= 3 && name.compare(si, gj) >= 3) { out[offset + g] = 3; out[offset + s] = 3; }
}
