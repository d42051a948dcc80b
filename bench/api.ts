// npx tsx bench/api.ts [--rows 10000000] [--rate 500] [--seconds 10] [--graph-rate 100] [--hot-rate 10]
//                      [--dir DIR] [--clean] [--render-runs 3] [--no-render]
// Loopback load on a large case. Three processes: `hoptrace serve` (the server), a forked load generator
// (bench/api/load-worker.ts; open loop, latency from each request's scheduled time, fixed count, timeouts)
// and this orchestrator, which samples the server's CPU from /proc. Baselines in the same run: GET
// /api/health (framework only) and GET /api/me (plus token check) at the same rate as the overview.
// Then the time Chromium takes to render a 10k-node graph in the UI (1k nodes as its baseline).
// The case is built once into DIR (default /tmp/hoptrace-bench-api-ROWS) and reused; --clean deletes it.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCase } from './api/case.ts';
import type { LoadResult, Target } from './api/load.ts';
import type { Scenario } from './api/load-worker.ts';
import { procCpu } from './api/proc.ts';
import { formatRow, HEADER } from './api/table.ts';
import { renderGraph, type RenderTiming } from './api/render.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : dflt; };
const flag = (name: string) => process.argv.includes(`--${name}`);
const rows = Number(arg('rows', '10000000'));
const rate = Number(arg('rate', '500'));
const seconds = Number(arg('seconds', '10'));
const graphRate = Number(arg('graph-rate', '100'));
const hotRate = Number(arg('hot-rate', '10'));
const renderRuns = Number(arg('render-runs', '3'));
const dir = arg('dir', join(tmpdir(), `hoptrace-bench-api-${rows}`));
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

const { tokens } = await benchCase(dir, rows);
const server = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'hoptrace.js'), 'serve', '--case', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d) => { out += d; const m = /UI:\s+(http:\/\/\S+?)\/\s/.exec(out); if (m) resolve(m[1]); });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const worker = fork(join(import.meta.dirname, 'api', 'load-worker.ts'), [], { serialization: 'advanced' });

try {
  console.log(`machine: ${cpus().length} cores, shared; ${uptime()}`);
  console.log(`case: ${rows.toLocaleString('en')} flows, 200 victim orgs, 50 flagged endpoints (${dir})`);
  const cold = async (path: string) => { const t = performance.now(); await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens.analyst}` } })).text(); return performance.now() - t; };
  console.log(`first requests (joining the server's background warm-up): overview ${(await cold('/api/overview')).toFixed(0)} ms, graph seed ${(await cold('/api/graph/seed?limit=60')).toFixed(0)} ms`);
  const target = (path: string, connections: number, token: string | undefined = tokens.analyst): Target => ({ url: `${base}${path}`, token, connections, timeoutMs: 10_000 });
  const open = (name: string, path: string, r: number): Scenario => ({ name, target: target(path, 64), mode: 'open', rate: r, seconds });
  const closed = (name: string, path: string, connections: number, requests: number): Scenario => ({ name, target: target(path, connections), mode: 'closed', requests });
  const ORG = '/api/graph/expand?node=org%7Corg-7&limit=60';
  const HOT = '/api/graph/expand?node=ip%7C203.0.113.10&limit=60';
  const scenarios: Scenario[] = [
    { ...open(`health (baseline) @${rate}/s`, '/api/health', rate), target: target('/api/health', 64, undefined) },
    open(`me (baseline + auth) @${rate}/s`, '/api/me', rate),
    open(`overview @${rate}/s`, '/api/overview', rate),
    open(`graph seed @${rate}/s`, '/api/graph/seed?limit=60', rate),
    open(`graph expand org @${graphRate}/s`, ORG, graphRate),
    open(`graph expand hot endpoint @${hotRate}/s`, HOT, hotRate),
    closed('health closed x16 (capacity)', '/api/health', 16, 10 * rate),
    closed('overview closed x16 (capacity)', '/api/overview', 16, 10 * rate),
    closed('graph expand org closed x4', ORG, 4, 10 * graphRate),
    closed('graph expand hot closed x2', HOT, 2, 10 * hotRate),
  ];
  console.log(HEADER);
  const results = new Map<string, LoadResult>();
  for (const s of scenarios) {
    const cpu0 = cpuMs(server);
    const r = await run(worker, s);
    results.set(s.name, r);
    console.log(formatRow(s.name, r, (cpuMs(server) - cpu0) / (r.seconds * 10)));
  }
  const [health, me, overview] = scenarios.slice(0, 3).map((s) => results.get(s.name)!);
  console.log(`overview vs health baseline at ${rate}/s: p50 ${(overview.p50 / health.p50).toFixed(2)}x, p99 ${(overview.p99 / health.p99).toFixed(2)}x (me: p99 ${(me.p99 / health.p99).toFixed(2)}x)`);
  console.log(`goal overview p99 < 50 ms at ${rate} req/s: ${overview.p99 < 50 && overview.errors === 0 ? 'MET' : 'NOT MET'} (p99 ${overview.p99.toFixed(1)} ms, ${overview.throughput.toFixed(0)} req/s achieved, ${overview.errors} errors); ${uptime()}`);
  if (!flag('no-render')) await renderReport(base, tokens.analyst);
} finally {
  worker.disconnect();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  if (flag('clean')) rmSync(dir, { recursive: true, force: true });
}

function run(w: ChildProcess, s: Scenario): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    w.once('message', (m: { result?: LoadResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(`${s.name}: ${m.error}`))));
    w.send(s);
  });
}

/** utime + stime of a process in ms. */
function cpuMs(p: ChildProcess): number {
  return procCpu(p.pid!).cpuMs;
}

async function renderReport(url: string, token: string): Promise<void> {
  const times = async (nodes: number) => { const out: RenderTiming[] = []; for (let i = 0; i < renderRuns; i++) out.push(await renderGraph(url, token, nodes)); return out; };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (label: string, t: RenderTiming[]) => console.log(`${label}: wall ${t.map((x) => x.wall.toFixed(0)).join(' / ')} ms (median ${median(t.map((x) => x.wall)).toFixed(0)}); `
    + `main thread CPU median ${median(t.map((x) => x.mainThread)).toFixed(0)} ms, renderer process ${median(t.map((x) => x.renderer)).toFixed(0)} ms, all Chromium ${median(t.map((x) => x.chromium)).toFixed(0)} ms`);
  const small = await times(1000);
  const big = await times(10_000);
  line('UI graph render, 1k nodes + 1.5k edges (baseline)', small);
  line('UI graph render, 10k nodes + 15k edges', big);
  const wall = median(big.map((x) => x.wall));
  console.log(`10k / 1k median wall ${(wall / median(small.map((x) => x.wall))).toFixed(1)}x; goal < 2000 ms: ${wall < 2000 ? 'MET' : 'NOT MET'} (median wall ${wall.toFixed(0)} ms); ${uptime()}`);
}
