// Test support: the ClickHouse cluster named by HOPTRACE_CLICKHOUSE_URLS, checked synchronously so that
// suites can decide at collection time to run or to skip LOUDLY (never silently).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export const CLICKHOUSE_URLS_ENV = 'HOPTRACE_CLICKHOUSE_URLS';

export interface ClusterProbe { urls: string[]; skipReason?: string }

let cached: ClusterProbe | undefined;

/** The configured shard URLs, or why ClickHouse tests cannot run here. */
export function clickhouseCluster(): ClusterProbe {
  if (cached) return cached;
  const raw = process.env[CLICKHOUSE_URLS_ENV]?.trim();
  if (!raw) {
    cached = { urls: [], skipReason: `${CLICKHOUSE_URLS_ENV} is not set (start a cluster: scripts/clickhouse-cluster.sh start; export ${CLICKHOUSE_URLS_ENV}=$(scripts/clickhouse-cluster.sh urls))` };
    return cached;
  }
  const urls = raw.split(',').map((u) => u.trim()).filter(Boolean);
  const down = urls.filter((u) => !pingSync(u));
  cached = down.length ? { urls, skipReason: `ClickHouse shard(s) unreachable: ${down.join(', ')}` } : { urls };
  return cached;
}

function pingSync(url: string): boolean {
  const probe = `fetch(${JSON.stringify(`${url.replace(/\/$/, '')}/ping`)}).then((r) => r.text())`
    + `.then((t) => process.exit(t.trim() === 'Ok.' ? 0 : 1), () => process.exit(1))`;
  const r = spawnSync(process.execPath, ['-e', probe], { timeout: 5000 });
  return r.status === 0;
}

/** A fresh database name for one test store. */
export function testDatabase(prefix = 'hoptrace_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
