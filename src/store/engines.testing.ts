// Engines the conformance suite runs against. ClickHouse joins when its cluster is reachable.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from './duckdb/duckdb-store.ts';
import { ClickHouseStore } from './clickhouse/clickhouse-store.ts';
import { clickhouseCluster, testDatabase } from './clickhouse/testing.ts';
import type { Store } from './store.ts';

export interface EngineFactory { name: string; create: () => Promise<Store>; skipReason?: string }

export function engineFactories(): EngineFactory[] {
  const ch = clickhouseCluster();
  return [
    {
      name: 'duckdb',
      create: () => DuckDbStore.open({ path: join(mkdtempSync(join(tmpdir(), 'hoptrace-store-')), 'case.duckdb'), memoryLimit: '512MB' }),
    },
    {
      name: `clickhouse (${ch.urls.length} shards)`,
      create: () => ClickHouseStore.open({ urls: ch.urls, database: testDatabase(), dropOnClose: true }),
      skipReason: ch.skipReason,
    },
  ];
}
