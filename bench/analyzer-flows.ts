// A synthetic multi-org flow case for the analyzer benchmarks, generated inside DuckDB (range() and
// hash-based pseudo-random columns) straight into a case file: no text files, seconds for 10M rows.
// Shape: 200 orgs × 50 hosts; external endpoints drawn with a heavy head (popular services) and a long
// tail; 1% of rows are 2,000 jittered beacon pairs spread evenly over the 7 days.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.ts';

export const BENCH_T0 = 1_700_000_000;
/** Non-beacon external endpoints are EXTERNAL_EP_BASE + 0..199,999; the lower the offset, the more popular. */
export const EXTERNAL_EP_BASE = 3_100_000_000;

/** The value after `--name` on the command line, else `dflt`. */
export function benchArg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

export function benchArgs(): { rows: number; dir: string; memoryLimit: string } {
  const rows = Number(benchArg('rows', '10000000'));
  if (!Number.isInteger(rows) || rows < 1000) throw new Error('--rows must be an integer ≥ 1000');
  return { rows, dir: benchArg('dir', join(tmpdir(), 'hoptrace-bench-analyzers')), memoryLimit: benchArg('memory-limit', '4GB') };
}

const GENERATE = `
INSERT INTO flows
SELECT 'bench', 'org-' || (h // 50)::VARCHAR, NULL,
       CASE WHEN beacon THEN $t0 + (i // 200000) * $step + (hash(i, 7) % 60)::DOUBLE
            ELSE $t0 + (hash(i, 1) % (7 * 86400))::DOUBLE + (hash(i, 8) % 1000) / 1000.0 END,
       (hash(i, 2) % 300)::DOUBLE / 10.0,
       CASE WHEN inbound THEN ep ELSE 167772160 + h END, 40000 + (hash(i, 3) % 20000)::BIGINT,
       CASE WHEN inbound THEN 167772160 + h ELSE ep END,
       CASE WHEN beacon THEN 8443 WHEN hash(i, 4) % 10 < 7 THEN 443 ELSE [80, 53, 22, 25, 3389][1 + (hash(i, 4) % 5)::INT] END,
       'tcp', NULL,
       CASE WHEN beacon THEN 310 + (hash(i, 9) % 20)::BIGINT ELSE (hash(i, 5) % 50000)::BIGINT END,
       (hash(i, 6) % 200000)::BIGINT, 10, 20,
       CASE WHEN hash(i, 10) % 10 = 0 THEN 'S0' ELSE 'SF' END, NULL,
       CASE WHEN inbound THEN 0 ELSE 1 END, CASE WHEN inbound THEN 1 ELSE 0 END
FROM (
  SELECT i, beacon,
         CASE WHEN beacon THEN ((i // 100) % 2000) * 5 ELSE (hash(i, 11) % 10000)::BIGINT END AS h,
         CASE WHEN beacon THEN 3000000000 + (i // 100) % 2000
              ELSE $epBase + floor(200000 * pow((hash(i, 12) % 1000000) / 1e6, 4))::BIGINT END AS ep,
         NOT beacon AND hash(i, 13) % 20 = 0 AS inbound
  FROM (SELECT range AS i, range % 100 = 0 AS beacon FROM range($rows))
)`;

/** Opens (creating when missing) the bench case with `rows` flows. */
export async function openBenchCase(rows: number, dir: string, memoryLimit: string): Promise<DuckDbStore> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `flows-${rows}.duckdb`);
  const fresh = !existsSync(path);
  const store = await DuckDbStore.open({ path, memoryLimit });
  if (fresh) {
    const t = performance.now();
    const perPair = Math.max(1, Math.floor(rows / 100 / 2000));
    await store.exec(GENERATE, { rows, t0: BENCH_T0, step: Math.floor((7 * 86400) / perPair), epBase: EXTERNAL_EP_BASE });
    process.stderr.write(`generated ${rows.toLocaleString('en')} flows in ${((performance.now() - t) / 1000).toFixed(1)} s → ${path}\n`);
  }
  return store;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t) / 1000, value };
}
