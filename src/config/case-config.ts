// The case configuration (CASE/case.json): engine choice and limits, range-checked.
import { z } from 'zod';

export const CaseConfigSchema = z.object({
  name: z.string().default('case'),
  engine: z.enum(['duckdb', 'clickhouse']).default('duckdb'),
  /** DuckDB memory limit; it spills to disk beyond it. */
  memoryLimit: z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i).default('2GB'),
  threads: z.number().int().min(1).max(256).optional(),
  /** ClickHouse: one HTTP URL per shard. */
  clickhouseUrls: z.array(z.string().url()).default([]),
  clickhouseDatabase: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  /** Per-analyzer parameter overrides: { "beacons": { "minConnections": 8 } }. */
  analyzers: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Rows per store append during ingest. */
  batchRows: z.number().int().min(100).max(1_000_000).default(50_000),
  /** Victim notifications: who signs them, where replies go, and (optional) the SMTP relay that sends them. */
  notify: z.object({
    producer: z.string().default('hoptrace'),
    contact: z.string().default('the case team'),
    from: z.string().default('hoptrace@localhost'),
    smtp: z.object({ host: z.string(), port: z.number().int().min(1).max(65535).default(25), from: z.string().optional(),
      secure: z.boolean().default(false), user: z.string().optional(), pass: z.string().optional() }).optional(),
  }).optional(),
});

export type CaseConfig = z.infer<typeof CaseConfigSchema>;
