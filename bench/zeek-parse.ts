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

/** Best of `rounds` runs, interleaved with the other contender by the caller (the machine is shared and noisy). */
async function timed(run: () => Promise<number>): Promise<{ rows: number; seconds: number }> {
  const t = performance.now();
  const rows = await run();
  return { rows, seconds: (performance.now() - t) / 1000 };
}

function report(label: string, runs: Array<{ rows: number; seconds: number }>): number {
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const rate = best.rows / best.seconds;
  const all = runs.map((r) => r.seconds.toFixed(2)).join(', ');
  console.log(`${label.padEnd(22)} ${best.rows} rows, best ${best.seconds.toFixed(2)} s (runs: ${all}) = ${(rate / 1e6).toFixed(2)} M rows/s`);
  return rate;
}

const rows = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = 3;
const dir = mkdtempSync(join(tmpdir(), 'zeek-bench-'));
const file = join(dir, 'conn.log');
try {
  await writeConnLog(file, rows);
  console.log(`conn.log: ${rows} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
  await baseline(file); // warm the page cache
  const baseRuns = [];
  const ourRuns = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseRuns.push(await timed(() => baseline(file)));
    ourRuns.push(await timed(() => hoptrace(file)));
  }
  const base = report('readline + split', baseRuns);
  const ours = report('hoptrace zeek parse', ourRuns);
  console.log(`ratio hoptrace / baseline: ${(ours / base).toFixed(2)}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
