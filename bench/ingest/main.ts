// npm run bench:ingest -- [--rows N] : hoptrace ingest vs DuckDB's read_csv of the same Zeek conn.log.
// Each side runs in its own process (peak RSS per side); prints rates, their ratio and peak RSS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeConnLog } from './gen-conn-log.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const rows = Number(arg('rows', '10000000'));
const dir = arg('dir', join(tmpdir(), 'hoptrace-bench-ingest'));
mkdirSync(dir, { recursive: true });
const file = join(dir, `conn-${rows}.log`);
if (!existsSync(file)) {
  process.stderr.write(`generating ${rows.toLocaleString('en')} rows → ${file}\n`);
  await writeConnLog(file, rows);
}
const mb = statSync(file).size / 1048576;
const run = (script: string, target: string) =>
  JSON.parse(execFileSync('npx', ['tsx', join(import.meta.dirname, script), file, target], { encoding: 'utf8' }).trim().split('\n').pop()!);

const base = run('baseline.ts', join(dir, 'baseline.duckdb'));
const hop = run('hoptrace-run.ts', join(dir, 'case'));
const rate = (r: { rows: number; seconds: number }) => r.rows / r.seconds;
console.log(`file: ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MiB`);
console.log(`duckdb read_csv (baseline): ${base.seconds.toFixed(2)} s  ${(rate(base) / 1e6).toFixed(3)} M rows/s  peak RSS ${base.maxRssMiB.toFixed(0)} MiB`);
console.log(`hoptrace ingest:            ${hop.seconds.toFixed(2)} s  ${(rate(hop) / 1e6).toFixed(3)} M rows/s  peak RSS ${hop.maxRssMiB.toFixed(0)} MiB`);
console.log(`ratio hoptrace/baseline rate: ${(rate(hop) / rate(base)).toFixed(2)} (goal ≥ 1.0; RSS goal < 2048 MiB)`);
if (hop.rows !== base.rows) console.log(`!!! row counts differ: hoptrace ${hop.rows} vs baseline ${base.rows}`);
