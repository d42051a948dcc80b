// The API's SQL, kept in .sql files beside this module (bound $name parameters only).
import { sqlFile } from '../../store/sql-file.ts';
import type { Sql } from '../../store/store.ts';

export function apiSql(name: string): Sql {
  return sqlFile(import.meta.url, name);
}
