// The ClickHouse engine's entry point (src/cli/case.ts loads it lazily for `--engine clickhouse`).
import type { Store } from '../store.ts';
import { ClickHouseStore, type ClickHouseStoreOptions } from './clickhouse-store.ts';

export { ClickHouseStore, type ClickHouseStoreOptions } from './clickhouse-store.ts';
export { ShardError } from './cluster.ts';

export function openClickHouseStore(opts: { urls: string[]; database: string } & Partial<ClickHouseStoreOptions>): Promise<Store> {
  return ClickHouseStore.open(opts);
}
