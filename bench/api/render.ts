// Time for the UI's graph explorer to take N nodes (and 1.5 N edges) and draw its first frame, in Debian's
// Chromium. Reports wall time in the page and the CPU time all Chromium processes used meanwhile (from
// /proc): on a shared, overloaded machine the wall time mostly measures waiting for a core.
import { readdirSync, readFileSync } from 'node:fs';
import { launchChromium } from '../../test/browser-helpers.ts';

export interface RenderTiming { wall: number; cpu: number }

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
    const types = ['org', 'host', 'ip', 'account', 'indicator'];
    const n = Array.from({ length: nodes }, (_, i) => ({ id: `bench|${i}`, type: types[i % types.length], label: `node ${i}`, flagged: i % 50 === 0 }));
    const e = Array.from({ length: Math.floor(nodes * 1.5) }, (_, i) => ({ id: `be${i}`, source: `bench|${i % nodes}`, target: `bench|${(i * 7919 + 1) % nodes}`, kind: 'contacted' }));
    await page.evaluate(([nn, ee]) => { (window as unknown as { benchData: unknown }).benchData = [nn, ee]; }, [n, e] as const);
    const cpuBefore = chromiumCpuMs(profile);
    const wall = await page.evaluate(() => { const [nn, ee] = (window as unknown as { benchData: [never, never] }).benchData; return window.__hoptraceGraph!.load(nn, ee); });
    return { wall, cpu: chromiumCpuMs(profile) - cpuBefore };
  } finally {
    await close();
  }
}

/** utime + stime (ms) of the Chromium processes of this profile: the browser process and all its descendants. */
export function chromiumCpuMs(profile: string): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
    } catch { return null; }
  }).filter((p): p is NonNullable<typeof p> => p !== null);
  const tree = new Set(procs.filter((p) => p.cmd.includes(profile) && !p.cmd.includes('--type=')).map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) { tree.add(p.pid); grew = true; }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((s, p) => s + p.ticks, 0) * 10; // 100 ticks per second
}
