// ClickHouse DDL generated from the engine-neutral schema, in the subset 18.16 and current servers accept.
// Per table T, created on EVERY shard (no ON CLUSTER: there is no ZooKeeper):
//   T_local  MergeTree with the schema columns plus `_batch` (the append call that wrote the row)
//   T_w      Distributed over T_local with `_batch`: the write path and batch clean-up lookups
//   T        Distributed over T_local with the schema columns only: what every query reads
// `ip6` is a view folding duplicate keys. `findings` is special: rows carry `_run`, and `findings` is a
// VIEW showing only each analyzer's latest committed run (findings_runs), so replaceFindings swaps a
// whole result set with one single-row insert.
import type { ColumnType, TableDef } from '../schema.ts';

const TYPES: Record<ColumnType, string> = {
  ip: 'Int64', ts: 'Float64', int: 'Int64', float: 'Float64', text: 'String', json: 'String',
};

export const q = (name: string): string => `\`${name.replace(/`/g, '')}\``;

export function chType(t: ColumnType, notNull?: boolean): string {
  return notNull ? TYPES[t] : `Nullable(${TYPES[t]})`;
}

/** Physical table names: the findings rows live in `findings_rows` behind the `findings` view. */
export function storageName(table: string): string {
  return table === 'findings' ? 'findings_rows' : table;
}

/** Hidden per-row columns: which append call wrote it; for findings also which run. */
function hiddenColumns(t: TableDef): string[] {
  return t.name === 'findings' ? ['`_batch` String', '`_run` String'] : ['`_batch` String'];
}

/** Shard key: schema.ts shardBy (external endpoint first), else a hash of the leading sort column. */
export function shardKey(t: TableDef): string {
  if (t.shardBy) return `cityHash64(${t.shardBy})`;
  return `cityHash64(${q(t.orderBy[0])})`;
}

export function localTableSql(db: string, t: TableDef): string {
  const cols = [...t.columns.map((c) => `${q(c.name)} ${chType(c.type, c.notNull)}`), ...hiddenColumns(t)];
  const engine = t.name === 'ip6' ? 'ReplacingMergeTree()' : 'MergeTree()';
  const name = `${storageName(t.name)}_local`;
  return `CREATE TABLE IF NOT EXISTS ${q(db)}.${q(name)} (${cols.join(', ')}) ENGINE = ${engine}${partitionBy(t)} `
    + `ORDER BY (${t.orderBy.map(q).join(', ')})`;
}

/**
 * Event tables (a NOT NULL `ts`) are partitioned by UTC month, so retention is `ALTER TABLE … DROP
 * PARTITION 202401` on each shard: instant, no mutation (18.16 has no TTL).
 */
function partitionBy(t: TableDef): string {
  return t.columns.some((c) => c.name === 'ts' && c.notNull) ? ' PARTITION BY toYYYYMM(toDateTime(toUInt32(ts)))' : '';
}

export function distributedTablesSql(db: string, cluster: string, t: TableDef): string[] {
  const base = storageName(t.name);
  const visible = t.columns.map((c) => `${q(c.name)} ${chType(c.type, c.notNull)}`);
  const all = [...visible, ...hiddenColumns(t)];
  const engine = `ENGINE = Distributed(${q(cluster)}, ${q(db)}, ${q(`${base}_local`)}, ${shardKey(t)})`;
  const out = [`CREATE TABLE IF NOT EXISTS ${q(db)}.${q(`${base}_w`)} (${all.join(', ')}) ${engine}`];
  if (t.name === 'ip6') out.push(ip6ViewSql(db));
  else if (t.name !== 'findings') out.push(`CREATE TABLE IF NOT EXISTS ${q(db)}.${q(base)} (${visible.join(', ')}) ${engine}`);
  return out;
}

/**
 * The IPv6 dictionary may hold one address twice (two appends met it at once; ReplacingMergeTree folds
 * them only when it merges): readers see one row per key through this view.
 */
function ip6ViewSql(db: string): string {
  return `CREATE VIEW IF NOT EXISTS ${q(db)}.ip6 AS SELECT \`key\`, any(addr) AS addr FROM ${q(db)}.ip6_w GROUP BY \`key\``;
}

/** Runs that made each analyzer's current findings; the latest committed run per analyzer wins. */
export function findingsRunsSql(db: string, cluster: string): string[] {
  const cols = '`analyzer` String, `run` String, `committed` Float64';
  return [
    `CREATE TABLE IF NOT EXISTS ${q(db)}.findings_runs_local (${cols}) ENGINE = MergeTree() ORDER BY (analyzer, committed)`,
    `CREATE TABLE IF NOT EXISTS ${q(db)}.findings_runs (${cols}) ENGINE = Distributed(${q(cluster)}, ${q(db)}, findings_runs_local, cityHash64(analyzer))`,
  ];
}

export function findingsViewSql(db: string, t: TableDef): string {
  const cols = t.columns.map((c) => q(c.name)).join(', ');
  return `CREATE VIEW IF NOT EXISTS ${q(db)}.findings AS SELECT ${cols} FROM ${q(db)}.findings_rows_w `
    + `WHERE (analyzer, _run) GLOBAL IN (SELECT analyzer, argMax(run, committed) FROM ${q(db)}.findings_runs GROUP BY analyzer)`;
}

export function schemaMetaSql(db: string): string {
  return `CREATE TABLE IF NOT EXISTS ${q(db)}.schema_meta (version Int64, applied_at Float64) ENGINE = TinyLog`;
}
