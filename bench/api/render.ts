// Time for the UI's graph explorer to take N nodes (and ~1.5 N edges) and draw them, in Debian's Chromium.
import { launchChromium } from '../../test/browser-helpers.ts';

/** Wall time in the page, and the renderer's busy time (CDP TaskDuration: less sensitive to a loaded machine). */
export async function renderGraph(base: string, token: string, nodes: number): Promise<{ wall: number; busy: number }> {
  const { browser, close } = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.text().startsWith('graph load')) process.stderr.write(`  ${nodes} nodes — ${m.text()}\n`); });
    await page.goto(`${base}/`);
    await page.evaluate((t) => sessionStorage.setItem('hoptrace.token', t), token);
    await page.goto(`${base}/#/graph`);
    await page.reload();
    await page.waitForFunction(() => !!window.__hoptraceGraph && window.__hoptraceGraph.count() > 0, undefined, { timeout: 30_000 });
    const types = ['org', 'host', 'ip', 'account', 'indicator'];
    const n = Array.from({ length: nodes }, (_, i) => ({ id: `bench|${i}`, type: types[i % types.length], label: `node ${i}`, flagged: i % 50 === 0 }));
    const e = Array.from({ length: Math.floor(nodes * 1.5) }, (_, i) => ({ id: `be${i}`, source: `bench|${i % nodes}`, target: `bench|${(i * 7919 + 1) % nodes}`, kind: 'contacted' }));
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    await page.evaluate(([nn, ee]) => { (window as unknown as { benchData: unknown }).benchData = [nn, ee]; }, [n, e] as const);
    const before = await busy();
    const wall = await page.evaluate(() => { const [nn, ee] = (window as unknown as { benchData: [never, never] }).benchData; return window.__hoptraceGraph!.load(nn, ee); });
    return { wall, busy: (await busy()) - before };
  } finally {
    await close();
  }
}
