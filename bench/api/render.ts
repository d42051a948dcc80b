// Time for the UI's graph explorer to take N nodes (and 1.5 N edges) from data in the page to the first
// frame that shows them, in Debian's Chromium. Besides the wall time it reports CPU time: the renderer's
// main thread and process (Chrome's own Performance metrics) and all Chromium processes (from /proc). On
// a shared, overloaded machine the wall time mostly measures waiting for a core.
import { readdirSync, readFileSync } from 'node:fs';
import { launchChromium } from '../../test/browser-helpers.ts';
import { procCpu } from './proc.ts';

export interface RenderTiming { wall: number; mainThread: number; renderer: number; chromium: number }

export async function renderGraph(base: string, token: string, nodes: number): Promise<RenderTiming> {
  const { browser, close, profile } = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.text().startsWith('graph load')) process.stderr.write(`  ${nodes} nodes — ${m.text()}\n`); });
    await page.goto(`${base}/`);
    await page.evaluate((t) => sessionStorage.setItem('hoptrace.token', t), token);
    await page.goto(`${base}/#/graph`);
    await page.reload();
    await page.waitForFunction(() => !!window.__hoptraceGraph && window.__hoptraceGraph.count() > 0, undefined, { timeout: 60_000 });
    await page.evaluate((count) => {
      const types = ['org', 'host', 'ip', 'account', 'indicator'];
      const n = Array.from({ length: count }, (_, i) => ({ id: `bench|${i}`, type: types[i % types.length], label: `node ${i}`, flagged: i % 50 === 0 }));
      const e = Array.from({ length: Math.floor(count * 1.5) }, (_, i) => ({ id: `be${i}`, source: `bench|${i % count}`, target: `bench|${(i * 7919 + 1) % count}`, kind: 'contacted' }));
      (window as unknown as { benchData: unknown }).benchData = [n, e];
    }, nodes);
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    const cpuBefore = chromiumCpuMs(profile);
    const wall = await page.evaluate(() => { const [nn, ee] = (window as unknown as { benchData: [never, never] }).benchData; return window.__hoptraceGraph!.load(nn, ee); });
    const chromium = chromiumCpuMs(profile) - cpuBefore;
    const m1 = await metrics();
    return { wall, mainThread: (m1.ThreadTime - m0.ThreadTime) * 1000, renderer: (m1.ProcessTime - m0.ProcessTime) * 1000, chromium };
  } finally {
    await close();
  }
}

/** utime + stime (ms) of the Chromium processes of this profile: the browser process and all its descendants. */
export function chromiumCpuMs(profile: string): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      return { pid: Number(pid), ...procCpu(pid), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
    } catch { return null; }
  }).filter((p): p is NonNullable<typeof p> => p !== null);
  const tree = new Set(procs.filter((p) => p.cmd.includes(profile) && !p.cmd.includes('--type=')).map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) { tree.add(p.pid); grew = true; }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((s, p) => s + p.cpuMs, 0);
}
