// The engine behind `hoptrace resolve`: read one CSV (dedupe) or two (--link), resolve, and shape the
// JSON contract of DESIGN §5: {"clusters":[{"ids","score","explanation"}],"records":N}.
import { createReadStream } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { readCsv } from '../../ingest/provider-records/csv.ts';
import { resolve, type ResolveOptions } from './linkage/engine.ts';
import { isKind, KINDS } from './linkage/kinds.ts';
import type { FieldSpec, InputRecord } from './linkage/prepared.ts';

export interface ResolveFilesOptions {
  files: string[];
  id: string;
  fields: string[];
  threshold?: number;
  cohesion?: number;
  maxBlock?: number;
}

export function parseFieldSpecs(specs: string[]): FieldSpec[] {
  if (!specs.length) throw new InputError('give at least one --field COL:KIND');
  return specs.map((s) => {
    const at = s.lastIndexOf(':');
    const column = s.slice(0, at);
    const kind = s.slice(at + 1);
    if (at <= 0 || !isKind(kind)) throw new InputError(`--field ${s}: expected COL:KIND with KIND one of ${KINDS.join(' ')}`);
    return { column, kind };
  });
}

export async function readRecords(file: string, idColumn: string, fields: FieldSpec[], source: 0 | 1): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  const seen = new Set<string>();
  for await (const rec of readCsv(createReadStream(file), file)) {
    if (rec.values.__error) throw new InputError(`row ${rec.values.__error}`, file, { line: rec.line });
    if (out.length === 0) {
      for (const col of [idColumn, ...fields.map((f) => f.column)]) {
        if (!(col in rec.values)) throw new InputError(`no column '${col}' (columns: ${Object.keys(rec.values).join(', ')})`, file, { line: 1 });
      }
    }
    const id = rec.values[idColumn];
    if (!id) throw new InputError(`empty id in column '${idColumn}'`, file, { line: rec.line });
    if (seen.has(id)) throw new InputError(`duplicate id '${id}'`, file, { line: rec.line });
    seen.add(id);
    out.push({ id, source, values: rec.values });
  }
  return out;
}

export async function resolveFiles(o: ResolveFilesOptions) {
  const fields = parseFieldSpecs(o.fields);
  const link = o.files.length === 2;
  const records = (await Promise.all(o.files.map((f, i) => readRecords(f, o.id, fields, i as 0 | 1)))).flat();
  const options: ResolveOptions = { fields, link, threshold: o.threshold, cohesion: o.cohesion, maxBlock: o.maxBlock };
  const result = resolve(records, options);
  const clusters = result.clusters.map((c) => ({
    ids: c.ids, ...(link ? { left: c.left, right: c.right } : {}), score: c.score, explanation: c.explanation,
    ...(c.refused.length ? { refused: c.refused } : {}),
  }));
  return {
    json: { clusters, records: result.records },
    summary: { pairs_compared: result.pairsCompared, blocking: result.blocking, model: result.model },
  };
}
