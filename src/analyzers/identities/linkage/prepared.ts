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
}

export function fieldName(f: FieldSpec): string {
  return f.name ?? f.column;
}

export function prepareRecords(records: InputRecord[], fields: FieldSpec[]): PreparedSet {
  const n = records.length;
  const columns = fields.map(() => new Array<unknown>(n));
  const tf = fields.map(() => new Map<string, number>());
  const source = new Uint8Array(n);
  fields.forEach((f, k) => {
    const def = KIND_DEFS[f.kind];
    const col = columns[k];
    const counts = tf[k];
    for (let i = 0; i < n; i++) {
      const raw = records[i].values[f.column];
      const p = raw == null || String(raw).trim() === '' ? null : def.prepare(String(raw));
      col[i] = p;
      if (p !== null) { const key = def.tfKey(p); counts.set(key, (counts.get(key) ?? 0) + 1); }
    }
  });
  for (let i = 0; i < n; i++) source[i] = records[i].source ?? 0;
  return { ids: records.map((r) => r.id), source, fields, columns, tf };
}

/** Agreement levels of one pair, written into `out` at `offset` (-1 = missing). */
export function compareInto(p: PreparedSet, i: number, j: number, out: Int8Array, offset: number): void {
  const { fields, columns } = p;
  for (let k = 0; k < fields.length; k++) {
    const a = columns[k][i];
    const b = columns[k][j];
    out[offset + k] = a === null || b === null ? -1 : KIND_DEFS[fields[k].kind].compare(a, b);
  }
  fixSwappedNames(p, i, j, out, offset);
}

/** Given and family names written the other way round agree as "phonetic-or-close". */
function fixSwappedNames(p: PreparedSet, i: number, j: number, out: Int8Array, offset: number): void {
  const g = p.fields.findIndex((f) => f.kind === 'given');
  const s = p.fields.findIndex((f) => f.kind === 'surname');
  if (g < 0 || s < 0 || (out[offset + g] >= 3 && out[offset + s] >= 3)) return;
  const name = KIND_DEFS.name;
  const [gi, si, gj, sj] = [p.columns[g][i], p.columns[s][i], p.columns[g][j], p.columns[s][j]];
  if (gi === null || si === null || gj === null || sj === null) return;
  if (name.compare(gi, sj) >= 3 && name.compare(si, gj) >= 3) { out[offset + g] = 3; out[offset + s] = 3; }
}
