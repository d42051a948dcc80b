// Opening a case directory: its config, its store (the only place an engine is chosen), ledger and audit.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { CaseConfigSchema, type CaseConfig } from '../config/case-config.ts';
import { AuditLog } from '../ledger/audit.ts';
import { Ledger } from '../ledger/ledger.ts';
import { DuckDbStore } from '../store/duckdb/duckdb-store.ts';
import type { Store } from '../store/store.ts';

export interface Case {
  dir: string;
  config: CaseConfig;
  store: Store;
  ledger: Ledger;
  audit: AuditLog;
  close(): Promise<void>;
}

export interface EngineFlags { engine?: string; clickhouseUrl?: string[] | string; memoryLimit?: string }

export async function openCase(dir: string, opts: { create?: boolean; flags?: EngineFlags } = {}): Promise<Case> {
  const abs = resolve(dir);
  const cfgPath = join(abs, 'case.json');
  let config: CaseConfig;
  if (existsSync(cfgPath)) {
    config = parseConfig(cfgPath);
  } else if (opts.create) {
    mkdirSync(abs, { recursive: true });
    const urls = opts.flags?.clickhouseUrl;
    config = CaseConfigSchema.parse({
      engine: opts.flags?.engine ?? 'duckdb',
      clickhouseUrls: urls === undefined ? [] : Array.isArray(urls) ? urls : urls.split(','),
      ...(opts.flags?.memoryLimit ? { memoryLimit: opts.flags.memoryLimit } : {}),
    });
    if (config.engine === 'clickhouse' && config.clickhouseUrls.length === 0) {
      throw new InputError('--engine clickhouse needs --clickhouse-url URL[,URL…] (one per shard)');
    }
    writeFileSync(cfgPath, `${JSON.stringify(config, null, 2)}\n`);
  } else {
    throw new InputError(`${abs} is not a hoptrace case (no case.json); create one with 'hoptrace ingest --case ${dir} FILE…' or 'hoptrace demo'`);
  }
  const store = await openStore(abs, config);
  return {
    dir: abs, config, store, ledger: new Ledger(abs), audit: new AuditLog(abs),
    close: () => store.close(),
  };
}

function parseConfig(path: string): CaseConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, path);
  }
  const r = CaseConfigSchema.safeParse(raw);
  if (!r.success) throw new InputError(`invalid case config: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, path);
  return r.data;
}

async function openStore(dir: string, config: CaseConfig): Promise<Store> {
  if (config.engine === 'duckdb') {
    return DuckDbStore.open({ path: join(dir, 'store.duckdb'), memoryLimit: config.memoryLimit, threads: config.threads });
  }
  const { openClickHouseStore } = await import('../store/clickhouse/index.ts' as string);
  return openClickHouseStore({ urls: config.clickhouseUrls, database: config.clickhouseDatabase ?? caseDatabaseName(dir) });
}

/**
 * A ClickHouse database name derived from the case directory (stable, safe characters only). A hash of the
 * absolute path keeps two cases that share a folder name (e.g. /a/case and /b/case) out of each other's data.
 */
export function caseDatabaseName(dir: string): string {
  const base = dir.split('/').filter(Boolean).pop() ?? 'case';
  const pathHash = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 8);
  return `hoptrace_${base.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}_${pathHash}`;
}
