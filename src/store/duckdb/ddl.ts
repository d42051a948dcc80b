// DuckDB DDL generated from the engine-neutral schema.
import type { ColumnType, TableDef } from '../schema.ts';

const TYPES: Record<ColumnType, string> = {
  ip: 'BIGINT', ts: 'DOUBLE', int: 'BIGINT', float: 'DOUBLE', text: 'VARCHAR', json: 'VARCHAR',
};

export function duckType(t: ColumnType): string {
  return TYPES[t];
}

export function createTableSql(t: TableDef): string {
  const cols = t.columns.map((c) => `"${c.name}" ${TYPES[c.type]}${c.notNull ? ' NOT NULL' : ''}`);
  if (t.name === 'ip6') cols.push('PRIMARY KEY ("key")');
  return `CREATE TABLE IF NOT EXISTS "${t.name}" (${cols.join(', ')})`;
}
