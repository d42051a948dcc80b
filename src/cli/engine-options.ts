// --engine / --clickhouse-url, accepted wherever a case may be created.
import { Option, type Command } from 'commander';

export interface EngineCliOptions { engine?: string; clickhouseUrl?: string }

export function engineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <engine>', 'store engine for a new case').choices(['duckdb', 'clickhouse']))
    .option('--clickhouse-url <urls>', 'ClickHouse shard URLs, comma-separated (with --engine clickhouse)');
}
