// Engines the conformance suite runs against. ClickHouse joins when its cluster is reachable.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from './duckdb/duckdb-store.ts';
import type { Store } from './store.ts';

export interface EngineFactory { name: string; create: () => Promise<Store>; skipReason?: string }

export function engineFactories(): EngineFactory[] {
  return [
    {
      name: 'duckdb',
      create: () => DuckDbStore.open({ path: join(mkdtempSync(join(tmpdir(), 'hoptrace-store-')), 'case.duckdb'), memoryLimit: '512MB' }),
    },
  ];
}
