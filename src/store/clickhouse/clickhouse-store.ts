// ClickHouse engine: a cluster of shards over HTTP, queried through the first shard's Distributed tables.
// Deletes are 18.16 mutations (asynchronous): this engine waits for them, so a delete is done on return.
import type { Finding } from '../../core/types.ts';
import { RowConverter, type Cell } from '../row-values.ts';
import { SCHEMA_VERSION, TABLES, tableDef, type TableName } from '../schema.ts';
import type { FindingFilter, Params, Row, Sql, Store } from '../store.ts';
import { findingFromRow, findingToRow, findingsQuery } from '../findings-rows.ts';
import { AppendBuffer } from './append-buffer.ts';
import { BatchWriter, type WriterOptions } from './batch-writer.ts';
import { Cluster } from './cluster.ts';
import { FindingRuns } from './finding-runs.ts';
import { q, storageName } from './ddl.ts';
import { bindParams, literal, stringLiteral } from './literals.ts';
import { migrateCluster, readSchemaVersion } from './migrate.ts';
import { plainRows } from './values.ts';

const IP6_LOOKUP_SLICE = 20_000;

export interface ClickHouseStoreOptions extends WriterOptions {
  urls: string[];
  database: string;
  /** Cluster name in the servers' remote_servers config (ops/clickhouse). */
  cluster?: string;
  /** Drop the database on close (throw-away test databases). */
  dropOnClose?: boolean;
  /** Rows of evidence-scoped tables coalesced before one insert (default 100,000; 0 writes every append at once). */
  bufferRows?: number;
}

export class ClickHouseStore implements Store {
  readonly engine = 'clickhouse' as const;
  private readonly writer: BatchWriter;
  private readonly runs: FindingRuns;
  private readonly buffer: AppendBuffer;

  private constructor(readonly cluster: Cluster, readonly database: string, private readonly opts: ClickHouseStoreOptions) {
    this.writer = new BatchWriter(cluster, database, opts);
    this.runs = new FindingRuns(cluster, database, this.writer);
    this.buffer = new AppendBuffer(opts.bufferRows ?? 100_000);
  }

  static async open(opts: ClickHouseStoreOptions): Promise<ClickHouseStore> {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(opts.database)) throw new Error(`bad ClickHouse database name: ${opts.database}`);
    const cluster = await Cluster.connect(opts.urls, opts.cluster ?? 'hoptrace', opts.database);
    const store = new ClickHouseStore(cluster, opts.database, opts);
    try {
      await store.migrate();
    } catch (e) {
      await cluster.close();
      throw e;
    }
    return store;
  }

  migrate(): Promise<void> { return migrateCluster(this.cluster, this.database); }

  schemaVersion(): Promise<number> { return readSchemaVersion(this.cluster, this.database); }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.closeCluster();
    }
  }

  private async closeCluster(): Promise<void> {
    if (this.opts.dropOnClose) {
      await this.cluster.onEveryShard((s) => this.cluster.command(s, `DROP DATABASE IF EXISTS ${q(this.database)}`, true));
    }
    await this.cluster.close();
  }

  async append(table: TableName, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const def = tableDef(table);
    if (table === 'findings') {
      await this.flush();
      return this.runs.appendToCurrent(rows);
    }
    const conv = new RowConverter(table, def.columns);
    const cells = rows.map((r) => conv.cells(r)); // validate the whole batch before writing any of it
    // Bulk evidence rows are coalesced; anything else (e.g. the `evidence` row sealing an ingest) is written
    // at once, after what was buffered before it.
    if (def.evidenceScoped && this.buffer.limitRows > 0) {
      if (this.buffer.add(table, cells, conv.newV6)) await this.flush();
      return;
    }
    await this.flush();
    await this.write(table, cells, conv.newV6);
  }

  /** Writes everything buffered, one insert per table. */
  async flush(): Promise<void> {
    if (this.buffer.size === 0) return;
    for (const [table, p] of this.buffer.take()) await this.write(table, p.cells, p.v6);
  }

  private async write(table: string, cells: Cell[][], v6: Map<number, string>): Promise<void> {
    if (cells.length > 0) await this.writer.insert(storageName(table), tableDef(table).columns.map((c) => c.name), cells);
    if (v6.size > 0) await this.recordV6(v6);
  }

  /** New IPv6 texts of this batch; keys already known are skipped (a race leaves a duplicate the ip6 view folds). */
  private async recordV6(v6: Map<number, string>): Promise<void> {
    const known = await this.ip6Texts([...v6.keys()]);
    const fresh = [...v6].filter(([k]) => !known.has(k));
    if (fresh.length === 0) return;
    await this.writer.insert('ip6', ['key', 'addr'], fresh.map(([k, a]) => [k, a]));
  }

  async deleteEvidenceRows(evidenceId: string): Promise<void> {
    this.buffer.discardEvidence(evidenceId);
    await this.flush();
    await this.writer.flushCleanups();
    const scoped = TABLES.filter((t) => t.evidenceScoped);
    const e = stringLiteral(evidenceId);
    const counts = await this.query<{ t: string; n: number }>(scoped
      .map((t) => `SELECT ${stringLiteral(t.name)} AS t, count() AS n FROM ${q(t.name)} WHERE evidence_id = ${e}`).join(' UNION ALL '));
    const withRows = counts.filter((c) => c.n > 0).map((c) => c.t);
    await Promise.all(withRows.map((t) => this.cluster.deleteWhere(this.database, `${storageName(t)}_local`, `evidence_id = ${e}`)));
  }

  async orphanEvidenceIds(): Promise<string[]> {
    await this.flush();
    const union = TABLES.filter((x) => x.evidenceScoped)
      .map((t) => `SELECT evidence_id FROM ${q(t.name)} GROUP BY evidence_id`).join(' UNION ALL ');
    // GROUP BY, not DISTINCT: 18.16 returns duplicates for an outer DISTINCT over Distributed subqueries.
    const rows = await this.query<{ evidence_id: string }>(
      `SELECT evidence_id FROM (${union}) WHERE evidence_id NOT IN (SELECT id FROM evidence) GROUP BY evidence_id ORDER BY evidence_id`);
    return rows.map((r) => r.evidence_id);
  }

  /** The ClickHouse text of a query: the caller's clickhouse variant, else the portable string. */
  sqlText(sql: Sql, params?: Params): string {
    const text = typeof sql === 'string' ? sql : sql.clickhouse ?? sql.duckdb;
    return bindParams(text, params);
  }

  async query<T = Row>(sql: Sql, params?: Params): Promise<T[]> {
    const text = this.sqlText(sql, params);
    await this.flush();
    try {
      const r = await this.cluster.json(this.cluster.entry, text);
      return plainRows(r.meta, r.data) as T[];
    } catch (e) {
      throw withSqlName(e, sql);
    }
  }

  async exec(sql: Sql, params?: Params): Promise<void> {
    await this.flush();
    try {
      await this.cluster.command(this.cluster.entry, this.sqlText(sql, params));
    } catch (e) {
      throw withSqlName(e, sql);
    }
  }

  async mutate(table: TableName, sql: Sql, params?: Params): Promise<void> {
    tableDef(table);
    if (typeof sql === 'string' || !sql.clickhouse) throw new Error(`mutate(${table}): ${typeof sql === 'string' ? 'inline SQL' : `${sql.name}.sql`} needs a ClickHouse variant (the tail of ALTER TABLE … UPDATE/DELETE)`);
    const tail = this.sqlText(sql, params).replace(/^(\s*--[^\n]*\n|\s+)*/, '');
    if (!/^(UPDATE|DELETE)\b/i.test(tail)) throw new Error(`mutate(${table}): ${sql.name}.clickhouse.sql must start with UPDATE or DELETE (the tail of ALTER TABLE)`);
    await this.flush();
    try {
      await this.cluster.alterEveryShard(this.database, `${storageName(table)}_local`, tail);
    } catch (e) {
      throw withSqlName(e, sql);
    }
  }

  async count(table: TableName, where?: { column: string; value: string | number }): Promise<number> {
    const def = tableDef(table);
    if (where && !def.columns.some((c) => c.name === where.column)) throw new Error(`no column ${where.column}`);
    const filter = where ? ` WHERE ${q(where.column)} = ${literal(where.value)}` : '';
    const r = await this.query<{ n: number }>(`SELECT count() AS n FROM ${q(table)}${filter}`);
    return r[0].n;
  }

  async replaceFindings(analyzer: string, findings: Finding[], runId: string): Promise<void> {
    await this.flush();
    await this.runs.replace(analyzer, findings.map((f) => findingToRow(f, runId)));
  }

  async findings(filter: FindingFilter = {}): Promise<Finding[]> {
    const { sql, params } = findingsQuery(filter);
    return (await this.query<Row>(sql, params)).map(findingFromRow);
  }

  async ip6Texts(keys: number[]): Promise<Map<number, string>> {
    const want = [...new Set(keys.filter((k) => k < 0))];
    const out = new Map<number, string>();
    // In slices: the keys travel as an array literal, and query text is size-limited (max_query_size).
    for (let i = 0; i < want.length; i += IP6_LOOKUP_SLICE) {
      const rows = await this.query<{ key: number; addr: string }>(
        'SELECT `key`, any(addr) AS addr FROM ip6_w WHERE has($k, `key`) GROUP BY `key`', { k: want.slice(i, i + IP6_LOOKUP_SLICE) });
      for (const r of rows) out.set(r.key, r.addr);
    }
    return out;
  }
}

function withSqlName(e: unknown, sql: Sql): Error {
  const err = e as Error;
  if (typeof sql === 'string' || !sql.name) return err;
  const hint = sql.clickhouse ? `${sql.name}.clickhouse.sql` : `${sql.name}.sql (no ${sql.name}.clickhouse.sql beside it)`;
  err.message = `${hint}: ${err.message}`;
  return err;
}
