// npm run bench:ingest -- [--rows N] [--dir DIR] : hoptrace ingest vs DuckDB's read_csv of the same Zeek conn.log.
// Each side runs in its own process (peak RSS per side); prints rates, their ratio, peak RSS, CPU seconds,
// hoptrace's per-phase times and the machine load (the machine is shared: read the ratio, not the rates).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeConnLog } from './gen-conn-log.ts';
import type { LoadSteps } from './load-profile.ts';

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
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const loadBefore = load();
const base = run('baseline.ts', join(dir, 'baseline.duckdb'));
const hop = run('hoptrace-run.ts', join(dir, 'case'));
const rate = (r: { rows: number; seconds: number }) => r.rows / r.seconds;
const side = (r: { rows: number; seconds: number; maxRssMiB: number; cpuSeconds: number }) =>
  `${r.seconds.toFixed(2)} s  ${(rate(r) / 1e6).toFixed(3)} M rows/s  peak RSS ${r.maxRssMiB.toFixed(0)} MiB  CPU ${r.cpuSeconds.toFixed(1)} s`;
console.log(`file: ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MiB; load average (1/5/15 min) before ${loadBefore}, after ${load()}`);
console.log(`duckdb read_csv (baseline): ${side(base)}`);
console.log(`hoptrace ingest (${hop.path}):     ${side(hop)}`);
console.log(`ratio hoptrace/baseline rate: ${(rate(hop) / rate(base)).toFixed(2)} (goal ≥ 1.0; RSS goal < 2048 MiB)`);
const phases = Object.entries(hop.phases as Record<string, number>).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)}`);
console.log(`hoptrace phases, wall s: ${phases.join('  ')}`);
if (hop.load) {
  const steps = hop.load as LoadSteps;
  console.log(`  load statement (DuckDB profile, thread-seconds): ${Object.entries(steps).map(([k, s]) => `${k} ${s.toFixed(2)}`).join('  ')}`);
}
if (hop.rows !== base.rows) console.log(`!!! row counts differ: hoptrace ${hop.rows} vs baseline ${base.rows}`);
