// Streamed TSV inserts through the Distributed write tables, made safe to retry.
// 18.16 has no insert deduplication without ZooKeeper, so every ATTEMPT of an append gets its own id,
// stored in the hidden `_batch` column (and used as the query id). A failed attempt is stopped on every
// shard (KILL QUERY, then wait until no shard runs it), and before append returns, the rows of every
// failed attempt are deleted by id on every shard (waiting for the mutation). Deleting by attempt id,
// after the retry succeeded, also removes blocks the server committed late from a cut connection.
// A clean-up that cannot run yet (a shard is down) is kept and runs before the next write; the append
// then fails as a whole (its own rows are scheduled for removal too), so a caller's retry never duplicates.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Cell } from '../row-values.ts';
import { ShardError, type Cluster } from './cluster.ts';
import { q } from './ddl.ts';
import { literal } from './literals.ts';
import { tsvChunks } from './values.ts';

export interface InsertAttempt { table: string; batch: string; attempt: number; error: Error }

export interface WriterOptions {
  /** Attempts per append before giving up (default 3). */
  attempts?: number;
  /** Rows per block the server commits on its own (ClickHouse's max_insert_block_size). */
  maxInsertBlockSize?: number;
  /** Called after a failed attempt has been stopped on the server, before the retry. */
  onFailedAttempt?: (a: InsertAttempt) => void | Promise<void>;
}

export class BatchWriter {
  /** Attempt ids whose rows must go, by local table. */
  private readonly pending = new Map<string, Set<string>>();

  constructor(private readonly cluster: Cluster, private readonly db: string, private readonly opts: WriterOptions = {}) {}

  /** Inserts converted rows into `<base>_w`; the hidden trailing columns get `hidden` values. */
  async insert(base: string, columns: string[], rows: Cell[][], hidden: Record<string, string> = {}): Promise<void> {
    await this.flushCleanups();
    const batch = randomUUID();
    const failed: string[] = [];
    const attempts = this.opts.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      const id = `${batch}-${attempt}`;
      try {
        await this.send(base, columns, rows, hidden, id);
        if (failed.length) await this.removeOrFail(`${base}_local`, failed, id);
        return;
      } catch (e) {
        if (e instanceof CleanupError) throw e;
        const error = this.cluster.explain(e, this.cluster.entry);
        failed.push(id);
        // The server may still be reading what reached it and committing blocks: stop it first.
        const stopped = await this.cluster.stopQuery(id).then(() => true, () => false);
        if (stopped) await this.opts.onFailedAttempt?.({ table: base, batch: id, attempt, error });
        const transient = error instanceof ShardError && error.shard !== null;
        if (attempt >= attempts || !transient || !stopped) {
          this.schedule(`${base}_local`, failed);
          await this.flushCleanups().catch(() => undefined);
          throw new Error(`insert into ${base} failed after ${attempt} attempt(s): ${error.message}`);
        }
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  private async send(base: string, columns: string[], rows: Cell[][], hidden: Record<string, string>, id: string): Promise<void> {
    const blockRows = this.opts.maxInsertBlockSize;
    await this.cluster.entry.client.insert({
      query_id: id,
      table: `${q(this.db)}.${q(`${base}_w`)}`,
      values: Readable.from(tsvChunks(rows, [id, ...Object.values(hidden)]), { objectMode: false }),
      format: 'TabSeparated',
      columns: ['_batch', ...Object.keys(hidden), ...columns] as [string, ...string[]],
      ...(blockRows ? { clickhouse_settings: { max_insert_block_size: String(blockRows) } } : {}),
    });
  }

  /** Removes failed attempts' rows after a successful retry; if it cannot, the whole append is undone later. */
  private async removeOrFail(localTable: string, failed: string[], succeeded: string): Promise<void> {
    try {
      await this.deleteAttempts(localTable, failed);
    } catch (e) {
      this.schedule(localTable, [...failed, succeeded]);
      throw new CleanupError(`insert into ${localTable} succeeded on retry, but rows of the interrupted attempt could not be removed `
        + `(${(e as Error).message}); the whole batch will be removed before the next write: retry the append`);
    }
  }

  private deleteAttempts(localTable: string, ids: string[]): Promise<void> {
    return this.cluster.deleteWhere(this.db, localTable, `has(${literal(ids)}, _batch)`);
  }

  private schedule(localTable: string, ids: string[]): void {
    const set = this.pending.get(localTable) ?? new Set<string>();
    for (const id of ids) set.add(id);
    this.pending.set(localTable, set);
  }

  /** Runs clean-ups left by earlier failed inserts; throws while a shard is still unreachable. */
  async flushCleanups(): Promise<void> {
    for (const [localTable, ids] of [...this.pending]) {
      await this.deleteAttempts(localTable, [...ids]);
      this.pending.delete(localTable);
    }
  }
}

class CleanupError extends Error {}
