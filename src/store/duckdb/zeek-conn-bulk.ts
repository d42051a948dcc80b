// Fast path for large plain Zeek conn logs: DuckDB reads the TSV itself (several times faster than row
// appends). Returns null — having stored nothing — when the file needs the row parser (IPv6 or malformed
// addresses, refused by the NOT NULL src/dst columns), so exact per-line rejects always come from one place
// or the other.
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Reject } from '../../core/types.ts';
import type { ZeekConnBulkSpec } from '../store.ts';
import type { DuckDbStore } from './duckdb-store.ts';

const SQL = readFileSync(new URL('./zeek-conn-bulk.sql', import.meta.url), 'utf8');
const NEEDED = ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration',
  'orig_bytes', 'resp_bytes', 'conn_state', 'orig_pkts', 'resp_pkts'];
const DUCK_TYPE: Record<string, string> = {
  time: 'DOUBLE', interval: 'DOUBLE', double: 'DOUBLE', count: 'BIGINT', int: 'BIGINT', port: 'INTEGER',
};

/** An address that is not a strict dotted quad (hoptrace_ip4 gave NULL): the row parser must take the file. */
const ADDRESS_REFUSED = /NOT NULL constraint failed: flows\.(src|dst)\b/;

export interface BulkResult { stored: number; rejects: Reject[] }

/** The read_csv `columns` STRUCT literal; names and types are checked, so the literal cannot carry SQL. */
export function columnsLiteral(fields: string[], types: string[]): string | null {
  if (fields.length !== types.length || !NEEDED.every((f) => fields.includes(f))) return null;
  if (!fields.every((f) => /^[A-Za-z0-9_.]+$/.test(f))) return null;
  return `{${fields.map((f, i) => `'${f}': '${DUCK_TYPE[types[i]] ?? 'VARCHAR'}'`).join(', ')}}`;
}

export async function bulkLoadZeekConn(store: DuckDbStore, spec: ZeekConnBulkSpec): Promise<BulkResult | null> {
  const columns = columnsLiteral(spec.fields, spec.types);
  if (!columns) return null;
  return store.serial(async (c: DuckDBConnection) => {
    await c.run('BEGIN TRANSACTION');
    try {
      const load = await runLoad(c, SQL.replace('/*COLUMNS*/', columns), {
        path: spec.path, evidence_id: spec.evidenceId, org: spec.org, sensor: spec.sensor,
      }, !!spec.profile);
      if (!load) return await endLoad(c, 'ROLLBACK');
      // DuckDB records one error per bad column; a line is one reject (its first error).
      const rej = (await c.runAndReadAll(`SELECT line, first(error_message ORDER BY column_idx) AS error_message,
          first(csv_line) AS csv_line FROM hoptrace_rejects GROUP BY line ORDER BY line`)).getRowObjectsJS();
      if (load.stored + rej.length !== spec.dataLines) return await endLoad(c, 'ROLLBACK');
      await endLoad(c, 'COMMIT');
      return {
        stored: load.stored,
        rejects: rej.map((r) => ({ file: spec.file, line: Number(r.line), reason: String(r.error_message), raw: String(r.csv_line ?? '').slice(0, 200) })),
        ...(load.profile ? { profile: load.profile } : {}),
      };
    } catch (e) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
}

/** Ends the load's transaction and drops DuckDB's reject tables (the next load starts them afresh). */
async function endLoad(c: DuckDBConnection, end: 'COMMIT' | 'ROLLBACK'): Promise<null> {
  await c.run(end);
  await c.run('DROP TABLE IF EXISTS hoptrace_rejects; DROP TABLE IF EXISTS hoptrace_scans');
  return null;
}

/**
 * Runs the load statement; null when an address was refused. With `profile` it runs under EXPLAIN ANALYZE
 * (DuckDB's JSON profile, no session setting) and the row count comes from the profile: the rows fed to INSERT.
 */
async function runLoad(
  c: DuckDBConnection, sql: string, params: Record<string, string | null>, profile: boolean,
): Promise<{ stored: number; profile?: string } | null> {
  try {
    if (!profile) return { stored: Number((await c.run(sql, params)).rowsChanged) };
    const text = String((await c.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)).getRows()[0][1]);
    return { stored: insertedRows(JSON.parse(text)), profile: text };
  } catch (e) {
    if (ADDRESS_REFUSED.test((e as Error).message)) return null;
    throw e;
  }
}

interface ProfileNode { operator_type?: string; operator_cardinality?: number; children?: ProfileNode[] }

function insertedRows(node: ProfileNode): number {
  if (node.operator_type === 'INSERT') return node.children?.[0]?.operator_cardinality ?? 0;
  for (const child of node.children ?? []) {
    const n = insertedRows(child);
    if (n >= 0) return n;
  }
  return -1;
}
