// npx tsx bench/api.ts [--rows 10000000] [--rate 500] [--seconds 10] [--dir DIR]
// Loopback load on a large case served by `hoptrace serve` in its own process: p50/p99 and throughput for
// the overview and graph endpoints, against GET /api/me (auth + framework only) as the same-run baseline;
// then the time Chromium takes to render a 10k-node graph in the UI (1k nodes as its baseline).
import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCase } from './api/case.ts';
import { closedLoop, openLoop, type LoadResult } from './api/load.ts';
import { renderGraph } from './api/render.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const rows = Number(arg('rows', '10000000'));
const rate = Number(arg('rate', '500'));
const seconds = Number(arg('seconds', '10'));
const dir = arg('dir', join(tmpdir(), `hoptrace-bench-api-${rows}`));

const { tokens } = await benchCase(dir, rows);
const server = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'hoptrace.js'), 'serve', '--case', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d) => { out += d; const m = /UI:\s+(http:\/\/\S+?)\/\s/.exec(out); if (m) resolve(m[1]); });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const token = tokens.analyst;
const row = (name: string, r: LoadResult) => console.log(
  `${name.padEnd(38)} ${String(r.requests).padStart(5)} req ${r.throughput.toFixed(0).padStart(5)} req/s | client p50 ${r.p50.toFixed(1).padStart(7)} p99 ${r.p99.toFixed(1).padStart(7)} ms | server p50 ${r.serverP50.toFixed(2).padStart(6)} p99 ${r.serverP99.toFixed(2).padStart(7)} ms | errors ${r.errors}`);

try {
  const cold = async (path: string) => { const t = performance.now(); const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }); await r.text(); return performance.now() - t; };
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (shared; figures are noisy)`);
  console.log(`case: ${rows.toLocaleString('en')} flows, 200 victim orgs, 50 flagged endpoints (${dir})`);
  console.log(`first requests after start (joining the background cache warm-up): overview ${(await cold("/api/overview")).toFixed(0)} ms; graph seed ${(await cold("/api/graph/seed?limit=60")).toFixed(0)} ms`);
  const me = await closedLoop(`${base}/api/me`, token, 8, 3000);
  row('baseline GET /api/me (closed, 8)', me);
  const ovOpen = await openLoop(`${base}/api/overview`, token, rate, seconds);
  row(`overview open loop @ ${rate}/s`, ovOpen);
  const ovMax = await closedLoop(`${base}/api/overview`, token, 16, 3000);
  row('overview closed loop (16)', ovMax);
  row('graph seed (closed, 4)', await closedLoop(`${base}/api/graph/seed?limit=60`, token, 4, 200));
  row('graph expand org (closed, 4)', await closedLoop(`${base}/api/graph/expand?node=org%7Corg-7&limit=60`, token, 4, 100));
  row('graph expand hot endpoint (closed, 2)', await closedLoop(`${base}/api/graph/expand?node=ip%7C203.0.113.10&limit=60`, token, 2, 40));
  console.log(`overview / baseline (/api/me) p50: client ${(ovMax.p50 / me.p50).toFixed(2)}, server ${(ovMax.serverP50 / me.serverP50).toFixed(2)}`);
  console.log(`overview at ${rate}/s: client p99 ${ovOpen.p99.toFixed(1)} ms, server p99 ${ovOpen.serverP99.toFixed(2)} ms (goal p99 < 50 ms: ${ovOpen.p99 < 50 ? 'MET' : 'NOT MET'} end to end, ${ovOpen.serverP99 < 50 ? 'MET' : 'NOT MET'} in the server)`);
  const small = await renderGraph(base, token, 1000);
  const big = await renderGraph(base, token, 10_000);
  console.log(`UI graph render in Chromium (wall / Chromium CPU): 1k nodes ${small.wall.toFixed(0)} / ${small.cpu.toFixed(0)} ms (baseline), 10k nodes ${big.wall.toFixed(0)} / ${big.cpu.toFixed(0)} ms; ratio ${(big.wall / small.wall).toFixed(1)}; goal < 2000 ms: ${big.wall < 2000 ? 'MET' : 'NOT MET'} wall, ${big.cpu < 2000 ? 'MET' : 'NOT MET'} CPU`);
} finally {
  server.kill('SIGTERM');
}
