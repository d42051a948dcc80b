// Streamed TSV inserts through the Distributed write tables, made safe to retry.
// 18.16 has no insert deduplication without ZooKeeper, so every append call gets a batch id stored in the
// hidden `_batch` column. When an insert fails part-way (a shard dies, the connection drops), the rows it
// managed to write are deleted by batch id on every shard (waiting for the mutation) before the retry;
// a clean-up that cannot run yet (shard down) is kept and run before the next write.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Cell } from '../row-values.ts';
import { ShardError, type Cluster } from './cluster.ts';
import { q } from './ddl.ts';
import { stringLiteral } from './literals.ts';
import { tsvChunks } from './values.ts';

export interface InsertAttempt { table: string; batch: string; attempt: number; error: Error }

export interface WriterOptions {
  /** Attempts per append before giving up (default 3). */
  attempts?: number;
  /** Rows per block the server commits on its own (ClickHouse's max_insert_block_size). */
  maxInsertBlockSize?: number;
  /** Called after a failed attempt, before its partial rows are removed (logging, tests). */
  onFailedAttempt?: (a: InsertAttempt) => void | Promise<void>;
}

export class BatchWriter {
  private readonly pendingCleanups = new Map<string, { localTable: string; batch: string }>();

  constructor(private readonly cluster: Cluster, private readonly db: string, private readonly opts: WriterOptions = {}) {}

  /** Inserts converted rows into `<base>_w`; the hidden trailing columns get `hidden` values. */
  async insert(base: string, columns: string[], rows: Cell[][], hidden: Record<string, string> = {}): Promise<string> {
    await this.flushCleanups();
    const batch = randomUUID();
    const hiddenCols = ['_batch', ...Object.keys(hidden)];
    const hiddenVals = [batch, ...Object.values(hidden)];
    const attempts = this.opts.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.cluster.entry.client.insert({
          table: `${q(this.db)}.${q(`${base}_w`)}`,
          values: Readable.from(tsvChunks(rows, hiddenVals), { objectMode: false }),
          format: 'TabSeparated',
          columns: [...columns, ...hiddenCols] as [string, ...string[]],
          ...(this.opts.maxInsertBlockSize ? { clickhouse_settings: { max_insert_block_size: String(this.opts.maxInsertBlockSize) } } : {}),
        });
        return batch;
      } catch (e) {
        const error = this.cluster.explain(e, this.cluster.entry);
        await this.opts.onFailedAttempt?.({ table: base, batch, attempt, error });
        const cleaned = await this.removeBatch(`${base}_local`, batch);
        const transient = error instanceof ShardError && error.shard !== null;
        if (attempt >= attempts || !cleaned || !transient) {
          throw new Error(`insert into ${base} failed after ${attempt} attempt(s)${cleaned ? '' : ' (its partial rows will be removed before the next write)'}: ${error.message}`);
        }
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  /** Deletes one batch's rows on every shard; false (and remembered) when a shard cannot be reached. */
  private async removeBatch(localTable: string, batch: string): Promise<boolean> {
    try {
      await this.cluster.deleteWhere(this.db, localTable, `_batch = ${stringLiteral(batch)}`);
      this.pendingCleanups.delete(batch);
      return true;
    } catch {
      this.pendingCleanups.set(batch, { localTable, batch });
      return false;
    }
  }

  /** Runs clean-ups left by earlier failed inserts; throws while a shard is still unreachable. */
  async flushCleanups(): Promise<void> {
    for (const { localTable, batch } of [...this.pendingCleanups.values()]) {
      await this.cluster.deleteWhere(this.db, localTable, `_batch = ${stringLiteral(batch)}`);
      this.pendingCleanups.delete(batch);
    }
  }
}
