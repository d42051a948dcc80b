// Zeek conn.log parse rate: hoptrace's zeek format (typed rows, canonical addresses) against a plain
// readline + split('\t') pass over the same file, in the same run.
// Usage: npx tsx bench/zeek-parse.ts [rows=1000000]. Best of 3 interleaved runs each.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openInput } from '../src/ingest/detect.ts';
import { parseZeek } from '../src/ingest/zeek/format.ts';
import { writeConnLog } from './ingest/gen-conn-log.ts';

async function baseline(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.startsWith('#')) continue;
    if (line.split('\t').length > 1) n++;
  }
  return n;
}

async function hoptrace(path: string): Promise<number> {
  let n = 0;
  for await (const b of parseZeek(openInput(path), { file: path })) n += b.rows.flows?.length ?? 0;
  return n;
}

interface Run { rows: number; wall: number; cpu: number }

/** Wall and CPU seconds (user + system, all threads) of one run. CPU time is the steadier figure on a shared box. */
async function timed(run: () => Promise<number>): Promise<Run> {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const rows = await run();
  const cpu = process.cpuUsage(cpu0);
  return { rows, wall: (performance.now() - wall0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** Best run by each measure; prints both rates. Returns [wall rate, cpu rate]. */
function report(label: string, runs: Run[]): [number, number] {
  const wall = Math.min(...runs.map((r) => r.wall));
  const cpu = Math.min(...runs.map((r) => r.cpu));
  const rows = runs[0].rows;
  const list = (k: 'wall' | 'cpu') => runs.map((r) => r[k].toFixed(2)).join(' ');
  console.log(`${label.padEnd(20)} ${rows} rows  wall best ${wall.toFixed(2)} s [${list('wall')}] = ${(rows / wall / 1e6).toFixed(2)} M rows/s` +
    `  cpu best ${cpu.toFixed(2)} s [${list('cpu')}] = ${(rows / cpu / 1e6).toFixed(2)} M rows/s`);
  return [rows / wall, rows / cpu];
}

const rows = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = 3;
const dir = mkdtempSync(join(tmpdir(), 'zeek-bench-'));
const file = join(dir, 'conn.log');
try {
  await writeConnLog(file, rows);
  console.log(`conn.log: ${rows} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
  await baseline(file); // warm the page cache
  const baseRuns: Run[] = [];
  const ourRuns: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseRuns.push(await timed(() => baseline(file)));
    ourRuns.push(await timed(() => hoptrace(file)));
  }
  const base = report('readline + split', baseRuns);
  const ours = report('hoptrace zeek parse', ourRuns);
  console.log(`ratio hoptrace / baseline: wall ${(ours[0] / base[0]).toFixed(2)}, cpu ${(ours[1] / base[1]).toFixed(2)}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
