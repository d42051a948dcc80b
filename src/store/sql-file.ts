// Loads analyzer/store SQL from files beside the code: NAME.sql (DuckDB) and NAME.clickhouse.sql.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from './store.ts';

const cache = new Map<string, Sql>();

/** `sqlFile(import.meta.url, 'top-endpoints')` → { duckdb, clickhouse? } from the caller's folder. */
export function sqlFile(moduleUrl: string, name: string): Sql {
  const dir = dirname(fileURLToPath(moduleUrl));
  const key = join(dir, name);
  const hit = cache.get(key);
  if (hit) return hit;
  const duckdb = readFileSync(join(dir, `${name}.sql`), 'utf8');
  const chPath = join(dir, `${name}.clickhouse.sql`);
  const sql: Sql = { duckdb, clickhouse: existsSync(chPath) ? readFileSync(chPath, 'utf8') : undefined, name };
  cache.set(key, sql);
  return sql;
}
