// Maps an export's own column names onto a table's fields: built-in aliases (English and Japanese
// headers seen in provider exports) plus the user's `--map source_col=field`.
import { WrongFormatError } from '../contract.ts';

export interface FieldSpec { name: string; required?: boolean; aliases: string[] }

export function headerKey(h: string): string {
  return h.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-.]+/g, '_');
}

/** Returns field → source column. Unknown --map columns or fields are whole-file errors. */
export function resolveColumns(
  headers: string[], fields: FieldSpec[], userMap: Record<string, string> | undefined, file: string, table: string,
): Map<string, string> {
  const byKey = new Map(headers.map((h) => [headerKey(h), h] as const));
  const known = new Set(fields.map((f) => f.name));
  const out = new Map<string, string>();
  for (const [source, field] of Object.entries(userMap ?? {})) {
    const header = byKey.get(headerKey(source));
    if (!header) {
      throw new WrongFormatError(`--map names column '${source}', which is not in the header (columns: ${headers.join(', ')})`, 1);
    }
    if (!known.has(field)) {
      throw new WrongFormatError(`--map ${source}=${field}: '${field}' is not a ${table} field (fields: ${[...known].join(', ')})`, 1);
    }
    out.set(field, header);
  }
  for (const f of fields) {
    if (out.has(f.name)) continue;
    for (const alias of [f.name, ...f.aliases]) {
      const header = byKey.get(headerKey(alias));
      if (header && ![...out.values()].includes(header)) { out.set(f.name, header); break; }
    }
  }
  return out;
}

export function requireFields(mapping: Map<string, string>, fields: FieldSpec[], file: string, table: string,
  supplied: string[] = []): void {
  const missing = fields.filter((f) => f.required && !mapping.has(f.name) && !supplied.includes(f.name)).map((f) => f.name);
  if (missing.length) {
    throw new WrongFormatError(`${table} export lacks required column(s) ${missing.join(', ')} — name them with --map SOURCE=FIELD`, 1);
  }
}
