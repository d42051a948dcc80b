// A copy of a ClickHouse case database inside chdb (the current ClickHouse engine, in-process), so that the
// exact SQL text an analyzer ran on the 18.16 cluster can be run again on a modern engine and compared.
import { Session } from 'chdb';
import { TABLES } from '../src/store/schema.ts';
import type { Row } from '../src/store/store.ts';
import type { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { QUERY_SETTINGS } from '../src/store/clickhouse/cluster.ts';
import { chType, q } from '../src/store/clickhouse/ddl.ts';
import { plainRows } from '../src/store/clickhouse/values.ts';

export class ChdbMirror {
  private readonly session: Session;

  constructor() {
    // The same per-query settings the cluster runs with (those that exist on a single node).
    const args = Object.entries(QUERY_SETTINGS)
      .filter(([k]) => !['skip_unavailable_shards', 'insert_distributed_sync', 'distributed_product_mode'].includes(k))
      .map(([k, v]) => `--${k}=${String(v)}`);
    this.session = new Session(undefined, { connectionArgs: args });
  }

  version(): string {
    return this.session.query('SELECT version()', 'TabSeparated').trim();
  }

  /** Copies every table (and the current findings) from the cluster into plain MergeTree tables. */
  async load(store: ClickHouseStore): Promise<void> {
    for (const t of TABLES) {
      const cols = t.columns.map((c) => `${q(c.name)} ${chType(c.type, c.notNull)}`).join(', ');
      this.session.query(`CREATE TABLE ${q(t.name)} (${cols}) ENGINE = MergeTree ORDER BY (${t.orderBy.map(q).join(', ')})`);
      const rs = await store.cluster.entry.client.query({
        query: `SELECT ${t.columns.map((c) => q(c.name)).join(', ')} FROM ${q(store.database)}.${q(t.name)}`, format: 'TabSeparated',
      });
      const tsv = await rs.text();
      if (tsv.length > 0) this.session.query(`INSERT INTO ${q(t.name)} FORMAT TabSeparated\n${tsv}`);
    }
  }

  query(sql: string): Row[] {
    const r = JSON.parse(this.session.query(sql, 'JSON')) as { meta: Array<{ name: string; type: string }>; data: Record<string, unknown>[] };
    return plainRows(r.meta, r.data);
  }

  exec(sql: string): void {
    this.session.query(sql, 'TabSeparated');
  }

  close(): void {
    this.session.cleanup();
  }
}
