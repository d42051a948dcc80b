// A private two-shard ClickHouse cluster for tests that stop shards (so they never disturb the shared
// cluster other test files use). Driven through scripts/clickhouse-cluster.sh with its own ports.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'clickhouse-cluster.sh');

export function clickhouseServerMissing(): string | undefined {
  return spawnSync('sh', ['-c', 'command -v clickhouse-server'], { encoding: 'utf8' }).status === 0
    ? undefined : 'clickhouse-server is not installed (apt-get install clickhouse-server)';
}

export class PrivateCluster {
  constructor(private readonly httpBase: number, private readonly tcpBase: number) {}

  private run(...args: string[]): string {
    return execFileSync(SCRIPT, args, {
      encoding: 'utf8', env: { ...process.env, HOPTRACE_CH_HTTP_BASE: String(this.httpBase), HOPTRACE_CH_TCP_BASE: String(this.tcpBase) },
    }).trim();
  }

  start(): string[] { this.run('start'); return this.urls(); }
  urls(): string[] { return this.run('urls').split(','); }
  stop(): void { this.run('stop'); }
  killShard(n: number): void { this.run('kill-shard', String(n)); }
  startShard(n: number): void { this.run('start-shard', String(n)); }
  nativeAddress(n: number): string { return `127.0.0.1:${this.tcpBase + n - 1}`; }
}
