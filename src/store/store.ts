// The engine-neutral store every layer above talks to. DuckDB (embedded) and ClickHouse (cluster)
// implement it and both pass store.case.test.ts. The CLI is the only place that picks an engine.
import type { Finding, Reject } from '../core/types.ts';
import type { TableName } from './schema.ts';

export type EngineName = 'duckdb' | 'clickhouse';
export type Row = Record<string, unknown>;
export type Params = Record<string, string | number | boolean | null | string[] | number[]>;

/**
 * A query in each engine's dialect. Placeholders are `$name` in both; DuckDB binds them natively,
 * ClickHouse (18.16 has no query parameters) substitutes escaped literals in one audited place.
 * A plain string is taken as portable SQL for every engine.
 */
export type Sql = string | { duckdb: string; clickhouse?: string; name?: string };

export interface EngineOptions {
  engine: EngineName;
  /** DuckDB: the database file. */
  path?: string;
  /** DuckDB: e.g. '1GB'. */
  memoryLimit?: string;
  threads?: number;
  /** ClickHouse: one URL per shard, the first also serves the Distributed tables. */
  clickhouseUrls?: string[];
  /** ClickHouse: database name (one per case). */
  database?: string;
}

export interface FindingFilter { analyzer?: string; kind?: string; subject?: string; minScore?: number; limit?: number }

export interface Store {
  readonly engine: EngineName;
  /** Creates or upgrades the schema (versioned, idempotent). */
  migrate(): Promise<void>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;

  /** Appends rows (objects keyed by schema column names; `ip` columns may be text). */
  append(table: TableName, rows: Row[]): Promise<void>;
  /** Removes every row that an evidence id put into evidence-scoped tables (rollback / re-ingest). */
  deleteEvidenceRows(evidenceId: string): Promise<void>;
  /** Evidence ids that have rows in evidence-scoped tables but no `evidence` row: half-done ingests. */
  orphanEvidenceIds(): Promise<string[]>;

  /**
   * Updates or deletes rows of one table in place; the change is visible everywhere on return.
   * DuckDB runs `sql.duckdb`, a whole UPDATE/DELETE statement. ClickHouse runs `sql.clickhouse`, the tail of
   * `ALTER TABLE <table> …` (`UPDATE c = … WHERE …` or `DELETE WHERE …`), on every shard's local table as
   * an 18.16 mutation and waits until it is applied (no lightweight DELETE/UPDATE on 18.16).
   */
  mutate(table: TableName, sql: Sql, params?: Params): Promise<void>;

  query<T = Row>(sql: Sql, params?: Params): Promise<T[]>;
  exec(sql: Sql, params?: Params): Promise<void>;
  count(table: TableName, where?: { column: string; value: string | number }): Promise<number>;

  /** Replaces all findings of one analyzer in one step (re-running an analyzer is idempotent). */
  replaceFindings(analyzer: string, findings: Finding[], runId: string): Promise<void>;
  findings(filter?: FindingFilter): Promise<Finding[]>;

  /** Text of IPv6 keys (IPv4 keys convert without the store). */
  ip6Texts(keys: number[]): Promise<Map<number, string>>;

  /**
   * Optional fast path: load a plain Zeek conn.log with the engine's own reader. Returns null, having
   * stored nothing, when the file needs the row parser instead.
   */
  bulkLoadZeekConn?(spec: ZeekConnBulkSpec): Promise<{ stored: number; rejects: Reject[]; profile?: string } | null>;
}

export interface ZeekConnBulkSpec {
  path: string; file: string; evidenceId: string; org: string | null; sensor: string | null;
  fields: string[]; types: string[];
  /** Data lines in the file (not comments): rows stored + rows rejected must add up to it. */
  dataLines: number;
  /** Also return the engine's own profile of the load statement (JSON text), for benchmarks. */
  profile?: boolean;
}
