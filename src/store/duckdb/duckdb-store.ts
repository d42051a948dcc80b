// DuckDB engine: one .duckdb file per case, in-process. Queries run one at a time on one connection.
import { DuckDBConnection, DuckDBInstance, listValue, type DuckDBValue } from '@duckdb/node-api';
import type { Finding } from '../../core/types.ts';
import { RowConverter } from '../row-values.ts';
import { SCHEMA_VERSION, TABLES, tableDef, type TableName } from '../schema.ts';
import type { EngineOptions, FindingFilter, Params, Row, Sql, Store, ZeekConnBulkSpec } from '../store.ts';
import { bulkLoadZeekConn } from './zeek-conn-bulk.ts';
import { findingFromRow, findingToRow, findingsQuery } from '../findings-rows.ts';
import { createTableSql } from './ddl.ts';
import { readFileSync } from 'node:fs';

const MACROS = readFileSync(new URL('./macros.sql', import.meta.url), 'utf8');

export class DuckDbStore implements Store {
  readonly engine = 'duckdb' as const;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly instance: DuckDBInstance, readonly connection: DuckDBConnection) {}

  static async open(opts: Pick<EngineOptions, 'path' | 'memoryLimit' | 'threads'>): Promise<DuckDbStore> {
    const config: Record<string, string> = {};
    if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
    if (opts.threads) config.threads = String(opts.threads);
    const instance = await DuckDBInstance.create(opts.path ?? ':memory:', config);
    const store = new DuckDbStore(instance, await instance.connect());
    await store.connection.run(MACROS);
    await store.migrate();
    return store;
  }

  /** Runs fn alone on the connection (DuckDB connections are not safe for interleaved statements). */
  serial<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => fn(this.connection));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async migrate(): Promise<void> {
    await this.serial(async (c) => {
      await c.run('CREATE TABLE IF NOT EXISTS schema_meta (version INTEGER NOT NULL, applied_at DOUBLE NOT NULL)');
      const r = await c.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_meta');
      const current = Number(r.getRowObjectsJS()[0].v);
      if (current > SCHEMA_VERSION) throw new Error(`case schema v${current} is newer than this hoptrace (v${SCHEMA_VERSION})`);
      if (current === SCHEMA_VERSION) return;
      await c.run('BEGIN TRANSACTION');
      for (const t of TABLES) await c.run(createTableSql(t));
      await c.run('INSERT INTO schema_meta VALUES ($v, $t)', { v: SCHEMA_VERSION, t: Date.now() / 1000 });
      await c.run('COMMIT');
    });
  }

  async schemaVersion(): Promise<number> {
    const r = await this.query<{ v: number }>('SELECT max(version) AS v FROM schema_meta');
    return r[0].v;
  }

  async close(): Promise<void> {
    await this.queue;
    this.connection.closeSync();
    this.instance.closeSync();
  }

  async append(table: TableName, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    await this.serial((c) => this.appendOn(c, table, rows));
  }

  private async appendOn(c: DuckDBConnection, table: TableName, rows: Row[]): Promise<void> {
    const def = tableDef(table);
    const conv = new RowConverter(table, def.columns);
    const doubles = def.columns.map((col) => col.type === 'ts' || col.type === 'float');
    const converted = rows.map((row) => conv.cells(row)); // validate the whole batch before writing any of it
    const app = await c.createAppender(table);
    try {
      for (const cells of converted) {
        for (let i = 0; i < cells.length; i++) {
          const v = cells[i];
          if (v === null) app.appendNull();
          else if (typeof v === 'string') app.appendVarchar(v);
          else if (doubles[i]) app.appendDouble(v);
          else app.appendBigInt(BigInt(v));
        }
        app.endRow();
      }
      app.flushSync();
    } finally {
      app.closeSync();
    }
    if (conv.newV6.size > 0) await this.recordV6(c, conv.newV6);
  }

  private async recordV6(c: DuckDBConnection, v6: Map<number, string>): Promise<void> {
    const keys = [...v6.keys()];
    const addrs = keys.map((k) => v6.get(k)!);
    await c.run(
      `INSERT INTO ip6 SELECT k, a FROM (SELECT unnest($keys::BIGINT[]) AS k, unnest($addrs::VARCHAR[]) AS a) ON CONFLICT DO NOTHING`,
      { keys: listValue(keys.map((k) => BigInt(k))), addrs: listValue(addrs) },
    );
  }

  async deleteEvidenceRows(evidenceId: string): Promise<void> {
    await this.serial(async (c) => {
      await c.run('BEGIN TRANSACTION');
      for (const t of TABLES.filter((x) => x.evidenceScoped)) {
        await c.run(`DELETE FROM "${t.name}" WHERE evidence_id = $e`, { e: evidenceId });
      }
      await c.run('COMMIT');
    });
  }

  async orphanEvidenceIds(): Promise<string[]> {
    const union = TABLES.filter((x) => x.evidenceScoped)
      .map((t) => `SELECT DISTINCT evidence_id FROM "${t.name}"`).join(' UNION ');
    const rows = await this.query<{ evidence_id: string }>(
      `SELECT evidence_id FROM (${union}) WHERE evidence_id NOT IN (SELECT id FROM evidence) ORDER BY 1`);
    return rows.map((r) => r.evidence_id);
  }

  async query<T = Row>(sql: Sql, params?: Params): Promise<T[]> {
    const text = typeof sql === 'string' ? sql : sql.duckdb;
    return this.serial(async (c) => {
      const reader = await c.runAndReadAll(text, toDuckParams(params));
      return reader.getRowObjectsJS().map(plainRow) as T[];
    });
  }

  async exec(sql: Sql, params?: Params): Promise<void> {
    const text = typeof sql === 'string' ? sql : sql.duckdb;
    await this.serial((c) => c.run(text, toDuckParams(params)));
  }

  async mutate(table: TableName, sql: Sql, params?: Params): Promise<void> {
    tableDef(table);
    await this.exec(sql, params);
  }

  async count(table: TableName, where?: { column: string; value: string | number }): Promise<number> {
    tableDef(table);
    if (where && !tableDef(table).columns.some((c) => c.name === where.column)) throw new Error(`no column ${where.column}`);
    const sql = `SELECT count(*) AS n FROM "${table}"${where ? ` WHERE "${where.column}" = $v` : ''}`;
    const r = await this.query<{ n: number }>(sql, where ? { v: where.value } : undefined);
    return r[0].n;
  }

  async replaceFindings(analyzer: string, findings: Finding[], runId: string): Promise<void> {
    const rows = findings.map((f) => findingToRow(f, runId));
    await this.serial(async (c) => {
      await c.run('BEGIN TRANSACTION');
      try {
        await c.run('DELETE FROM findings WHERE analyzer = $a', { a: analyzer });
        await this.appendOn(c, 'findings', rows);
        await c.run('COMMIT');
      } catch (e) {
        await c.run('ROLLBACK');
        throw e;
      }
    });
  }

  async findings(filter: FindingFilter = {}): Promise<Finding[]> {
    const { sql, params } = findingsQuery(filter);
    return (await this.query<Row>(sql, params)).map(findingFromRow);
  }

  bulkLoadZeekConn(spec: ZeekConnBulkSpec) {
    return bulkLoadZeekConn(this, spec);
  }

  async ip6Texts(keys: number[]): Promise<Map<number, string>> {
    const want = keys.filter((k) => k < 0);
    if (want.length === 0) return new Map();
    const rows = await this.query<{ key: number; addr: string }>(
      'SELECT "key", addr FROM ip6 WHERE "key" IN (SELECT unnest($k::BIGINT[]))', { k: want });
    return new Map(rows.map((r) => [r.key, r.addr]));
  }
}

function toDuckParams(params?: Params): Record<string, DuckDBValue> | undefined {
  if (!params) return undefined;
  const out: Record<string, DuckDBValue> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) {
      // integer lists bind as BIGINT (JS numbers would bind as INTEGER and overflow for IP keys and times)
      const ints = v.length > 0 && v.every((x) => typeof x === 'number' && Number.isInteger(x));
      out[k] = listValue(ints ? (v as number[]).map((x) => BigInt(x)) : (v as DuckDBValue[]));
    }
    else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > 2 ** 31) out[k] = BigInt(v);
    else out[k] = v as DuckDBValue;
  }
  return out;
}

/** DuckDB JS values → plain JSON-friendly values: BIGINTs as numbers (exact below 2^53), lists as arrays. */
function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plainValue);
  if (v instanceof Date) return v.getTime() / 1000;
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = plainValue(x);
    return o;
  }
  return v;
}
