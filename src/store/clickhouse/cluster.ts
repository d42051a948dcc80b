// The shards of one ClickHouse cluster over HTTP: a client per shard, errors that name the shard,
// and waiting for 18.16's asynchronous mutations (ALTER … DELETE) to finish.
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { HoptraceError } from '../../core/errors.ts';
import { stringLiteral } from './literals.ts';

/** Settings on every request: never drop an unavailable shard's part; SQL-standard JOIN nulls. */
export const QUERY_SETTINGS: ClickHouseSettings = {
  skip_unavailable_shards: 0,
  insert_distributed_sync: 1,
  distributed_product_mode: 'global',
  join_use_nulls: 1,
  join_default_strictness: 'ALL',
  // Parameters arrive as literals (no query parameters on 18.16): allow long lists (default 256 KiB).
  max_query_size: '16777216',
};

/** `client` works in the case database; `admin` has no database (creating it, system tables). */
export interface Shard { num: number; url: string; native: string; client: ClickHouseClient; admin: ClickHouseClient }

export class ShardError extends HoptraceError {
  constructor(readonly shard: Shard | null, message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

export class Cluster {
  private constructor(readonly name: string, readonly shards: Shard[]) {}

  static async connect(urls: string[], clusterName: string, database: string): Promise<Cluster> {
    if (urls.length === 0) throw new HoptraceError('ClickHouse engine needs at least one shard URL');
    const make = (url: string, db?: string) => createClient({
      url, request_timeout: 300_000, clickhouse_settings: QUERY_SETTINGS, ...(db ? { database: db } : {}),
      compression: { request: false, response: false },
      log: { level: ClickHouseLogLevel.OFF }, // failures are rethrown with the shard named; no duplicate stderr noise
    });
    const shards: Shard[] = urls.map((url, i) => ({ num: i + 1, url, native: '?', client: make(url, database), admin: make(url) }));
    const probe = new Cluster(clusterName, shards);
    const rows = await probe.select<{ shard_num: number; host_address: string; port: number }>(
      shards[0], `SELECT shard_num, host_address, port FROM system.clusters WHERE cluster = ${stringLiteral(clusterName)} ORDER BY shard_num`);
    if (rows.length !== urls.length) {
      await probe.close();
      throw new HoptraceError(`ClickHouse cluster '${clusterName}' at ${urls[0]} has ${rows.length} shard(s) but ${urls.length} URL(s) were given: `
        + 'give one URL per shard, in shard order');
    }
    rows.forEach((r, i) => { shards[i].native = `${r.host_address}:${r.port}`; });
    return probe;
  }

  get entry(): Shard { return this.shards[0]; }

  describe(s: Shard): string { return `shard ${s.num} (${s.url}, native ${s.native})`; }

  /** Turns a failure into an error naming the shard that failed (by HTTP URL or native address). */
  explain(e: unknown, via: Shard): Error {
    if (e instanceof ShardError) return e;
    const msg = (e as Error)?.message ?? String(e);
    const code = (e as { code?: string })?.code;
    // The failing shard's address comes first ("Connection refused (addr): Insertion status: … other addr").
    const named = this.shards
      .map((s) => ({ s, at: s.native === '?' ? -1 : msg.indexOf(s.native) }))
      .filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0]?.s;
    if (named) {
      return new ShardError(named, `ClickHouse ${this.describe(named)} failed or is unavailable (query entered via shard ${via.num}): ${firstLine(msg)}`);
    }
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || /ECONNREFUSED|ECONNRESET|socket hang up|Timeout error/i.test(msg)) {
      return new ShardError(via, `ClickHouse ${this.describe(via)} is unavailable: ${firstLine(msg)}`);
    }
    return new ShardError(null, `ClickHouse query via ${this.describe(via)} failed: ${firstLine(msg)}`);
  }

  /** A SELECT on the shard without database context (system tables, fully qualified names). */
  async select<T>(s: Shard, sql: string): Promise<T[]> {
    const r = await this.json(s, sql, true);
    return r.data as T[];
  }

  /** Runs a SELECT with JSON output (keeps column types in `meta`). A trailing newline ends `--` comments. */
  async json(s: Shard, sql: string, admin = false): Promise<{ meta: Array<{ name: string; type: string }>; data: Record<string, unknown>[] }> {
    try {
      const rs = await (admin ? s.admin : s.client).query({ query: `${sql}\n`, format: 'JSON' });
      return await rs.json() as never;
    } catch (e) {
      throw this.explain(e, s);
    }
  }

  async command(s: Shard, sql: string, admin = false): Promise<void> {
    try {
      await (admin ? s.admin : s.client).command({ query: sql });
    } catch (e) {
      throw this.explain(e, s);
    }
  }

  async onEveryShard(fn: (s: Shard) => Promise<void>): Promise<void> {
    await Promise.all(this.shards.map(fn));
  }

  /** Deletes rows on every shard's local table and waits until the mutation has been applied. */
  async deleteWhere(db: string, localTable: string, where: string): Promise<void> {
    await this.alterEveryShard(db, localTable, `DELETE WHERE ${where}`);
  }

  /** Runs `ALTER TABLE <local table> <tail>` (a mutation) on every shard and waits until it has been applied. */
  async alterEveryShard(db: string, localTable: string, tail: string): Promise<void> {
    await this.onEveryShard(async (s) => {
      await this.command(s, `ALTER TABLE \`${db}\`.\`${localTable}\` ${tail}`);
      await this.waitMutations(s, db, localTable);
    });
  }

  /** Kills a query (and its per-shard parts) everywhere and waits until no shard is still running it. */
  async stopQuery(queryId: string, timeoutMs = 60_000): Promise<void> {
    const id = stringLiteral(queryId);
    const deadline = Date.now() + timeoutMs;
    await this.onEveryShard(async (s) => {
      let quietSince = 0;
      for (;;) {
        const [r] = await this.select<{ n: string }>(s, `SELECT count() AS n FROM system.processes WHERE query_id = ${id} OR initial_query_id = ${id}`);
        if (Number(r.n) === 0) {
          // Absent twice 100 ms apart: a request still in flight would have registered by then.
          if (quietSince && Date.now() - quietSince >= 100) return;
          quietSince ||= Date.now();
        } else {
          quietSince = 0;
          // INSERTs are often "unkillable" (code 380): then this only waits for them to end by themselves.
          await this.command(s, `KILL QUERY WHERE query_id = ${id} OR initial_query_id = ${id} ASYNC`, true).catch(() => undefined);
        }
        if (Date.now() > deadline) throw new ShardError(s, `ClickHouse ${this.describe(s)}: query ${queryId} still running after ${timeoutMs / 1000} s`);
        await new Promise((res) => setTimeout(res, 50));
      }
    });
  }

  async waitMutations(s: Shard, db: string, table: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const sql = `SELECT count() AS n FROM system.mutations WHERE database = ${stringLiteral(db)} AND table = ${stringLiteral(table)} AND is_done = 0`;
    for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
      const [r] = await this.select<{ n: string }>(s, sql);
      if (Number(r.n) === 0) return;
      if (Date.now() > deadline) throw new ShardError(s, `ClickHouse ${this.describe(s)}: mutation on ${db}.${table} not done after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.shards.flatMap((s) => [s.client.close(), s.admin.close()]));
  }
}

function firstLine(msg: string): string {
  return msg.split('\n')[0].slice(0, 500);
}
