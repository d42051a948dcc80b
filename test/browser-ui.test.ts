// The investigator UI in a real browser: sign in, visit every page, expand the graph, approve and send a
// notification, verify evidence; then a partner sees no TLP:AMBER/RED object and no personal data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.ts';
import { ensureWebBuilt } from '../src/cli/commands/serve.ts';
import { ATTACK, buildCase, PII, type FixtureCase } from './fixtures/build-case.ts';
import { hasChromium, launchChromium, screenshotDir } from './browser-helpers.ts';

let fx: FixtureCase;
let app: FastifyInstance;
let base: string;
let browser: BrowserContext;
let closeBrowser: () => Promise<void>;
let dir: string;
const shots = screenshotDir();

if (!hasChromium) console.warn('!!! /usr/bin/chromium is missing: browser tests SKIPPED (apt-get install -y chromium)');

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'hoptrace-ui-'));
  fx = await buildCase(join(dir, 'case'), { flowsPerOrg: 60 });
  ({ app } = await buildServer(fx.kase, { webDist: await ensureWebBuilt(() => undefined) }));
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  ({ browser, close: closeBrowser } = await launchChromium());
});

afterAll(async () => {
  if (!hasChromium) return;
  await closeBrowser?.();
  await app?.close();
  await fx?.kase.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(token: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { jsErrors?: string[] }).jsErrors = errors;
  await page.goto(`${base}/`);
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav.nav');
  return page;
}

async function visit(page: Page, id: string, ready: string, shot?: string) {
  await page.click(`nav a[data-page=${id}]`);
  await page.waitForSelector(ready, { timeout: 15_000 });
  await page.waitForTimeout(150);
  if (shot) await page.screenshot({ path: join(shots, `${shot}.png`), fullPage: false });
}

describe.skipIf(!hasChromium)('investigator UI in Chromium', () => {
  it('refuses a wrong token with a message that says what to do', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.screenshot({ path: join(shots, 'signin.png') });
    await page.fill('#token', 'ht_wrong');
    await page.click('button[type=submit]');
    await expect(page.textContent('[role=alert]')).resolves.toContain('hoptrace user add');
    await page.close();
  });

  it('an analyst visits every page, expands the graph, approves and sends a notification', async () => {
    const page = await signIn(fx.tokens.analyst);
    await visit(page, 'overview', '[data-testid=timeline] canvas', 'overview');
    await visit(page, 'infrastructure', '[data-testid=infra-table]');
    await page.click(`tr[data-ip="${ATTACK.exfil}"]`);
    await page.waitForSelector('.explain-item');
    await page.screenshot({ path: join(shots, 'infrastructure.png') });

    await visit(page, 'graph', '[data-testid=graph] canvas');
    await page.waitForFunction(() => (window.__hoptraceGraph?.count() ?? 0) > 0);
    const before = await page.evaluate(() => window.__hoptraceGraph!.count());
    const pos = await page.evaluate((ip) => window.__hoptraceGraph!.rendered(`ip|${ip}`), ATTACK.exfil);
    expect(pos).not.toBeNull();
    const box = (await page.locator('[data-testid=graph]').boundingBox())!;
    await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
    await page.waitForFunction((n) => window.__hoptraceGraph!.count() > n, before);
    await expect(page.textContent('[data-testid=graph-note]')).resolves.toMatch(/new neighbour/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'graph.png') });

    await visit(page, 'relays', '[data-testid=chain]', 'relays');
    await visit(page, 'identities', '[data-testid=cluster]', 'identities');
    await expect(page.textContent('[data-testid=cluster]')).resolves.toContain(PII.name);

    await visit(page, 'victims', '[data-testid=victims-table]');
    const row = 'tr[data-org="univ-a"]';
    await page.click(`${row} button[data-action=approve]`);
    await page.waitForSelector(`${row} [data-status=approved]`);
    await page.click(`${row} button[data-action=send]`);
    await page.waitForSelector(`${row} [data-status=sent]`);
    await page.screenshot({ path: join(shots, 'victims.png') });

    await visit(page, 'indicators', '[data-testid=indicators-table]', 'indicators');
    await visit(page, 'evidence', '[data-testid=verify-status]');
    await page.click('[data-testid=verify-status] button');
    await page.waitForSelector('[data-testid=verify-status].ok');
    await page.screenshot({ path: join(shots, 'evidence.png') });
    expect((page as Page & { jsErrors?: string[] }).jsErrors).toEqual([]);
    await page.close();

    const audit = fx.kase.audit.chain.entries().map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['notification.approve', 'notification.send', 'verify']));
    expect(fx.kase.audit.verify()).toBeNull();
  });

  it('a large graph draws its edges on the canvas layer and stays interactive', async () => {
    const page = await signIn(fx.tokens.analyst);
    await visit(page, 'graph', '[data-testid=graph] canvas');
    await page.waitForFunction(() => (window.__hoptraceGraph?.count() ?? 0) > 0);
    const seed = await page.evaluate(() => ({ nodes: window.__hoptraceGraph!.count(), edges: window.__hoptraceGraph!.edges() }));
    expect(seed.edges).toEqual({ cytoscape: expect.any(Number), layer: 0 }); // small graphs: Cytoscape's own edges
    const N = 3000;
    await page.evaluate((n) => {
      const types = ['ip', 'host', 'account'];
      const nodes = Array.from({ length: n }, (_, i) => ({ id: `ip|10.250.${i >> 8}.${i & 255}`, type: types[i % 3], label: `node ${i}` }));
      const edges = Array.from({ length: n * 1.5 }, (_, i) => ({ id: `bulk-e${i}`, source: nodes[i % n].id, target: nodes[(i * 7919 + 1) % n].id, kind: 'contacted' }));
      return window.__hoptraceGraph!.load(nodes, edges);
    }, N);
    const after = await page.evaluate(() => window.__hoptraceGraph!.edges());
    expect(after).toEqual({ cytoscape: 0, layer: seed.edges.cytoscape + N * 1.5 });
    await expect(page.textContent('[data-testid=graph-stats]')).resolves.toBe(`${seed.nodes + N} nodes · ${after.layer} edges`);
    const inked = () => page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.edge-layer')!;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
      return n;
    });
    const all = await inked();
    expect(all).toBeGreaterThan(10_000);
    await page.click('input[data-type=ip]'); // hide a third of the nodes: their edges go too
    await page.waitForTimeout(100);
    const fewer = await inked();
    expect(fewer).toBeLessThan(all);
    expect(fewer).toBeGreaterThan(0);
    await page.click('input[data-type=ip]');
    const target = 'ip|10.250.7.208'; // node 2000, far from the seed nodes at the origin
    const pos = await page.evaluate((id) => window.__hoptraceGraph!.rendered(id), target);
    const box = (await page.locator('[data-testid=graph]').boundingBox())!;
    await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
    await expect(page.waitForFunction(() => /new neighbour/.test(document.querySelector('[data-testid=graph-note]')?.textContent ?? ''))).resolves.toBeTruthy();
    expect(await page.textContent('.graph-side h3')).toBe('node 2000');
    expect((page as Page & { jsErrors?: string[] }).jsErrors).toEqual([]);
    await page.close();
  });

  it('a partner sees no TLP:AMBER/RED object and no personal data on any page', async () => {
    const page = await signIn(fx.tokens.partner);
    const navPages = await page.$$eval('nav a[data-page]', (as) => as.map((a) => a.getAttribute('data-page')!));
    expect(navPages).not.toContain('graph');
    expect(navPages).not.toContain('identities');
    expect(navPages).not.toContain('evidence');
    const ready: Record<string, string> = { overview: '.cards', infrastructure: '[data-testid=infra-table]', relays: '.page', victims: '.page .empty', indicators: '[data-testid=indicators-table]' };
    for (const id of navPages) {
      await visit(page, id, ready[id] ?? '.page', `partner-${id}`);
      if (id === 'infrastructure') {
        for (const r of await page.$$('tr.clickable')) await r.click();
      }
      const markings = await page.$$eval('[data-tlp]', (els) => els.map((e) => e.getAttribute('data-tlp')));
      for (const m of markings) expect(['clear', 'green'], `${id}: ${m}`).toContain(m);
      const text = (await page.textContent('body'))!.toLowerCase();
      for (const p of Object.values(PII)) expect(text, `${id} shows ${p}`).not.toContain(p.toLowerCase());
      expect(text).not.toContain(ATTACK.origin);
      expect(text).not.toContain(ATTACK.relay);
    }
    await visit(page, 'infrastructure', '[data-testid=infra-table]', 'partner-infrastructure');
    await page.close();
  });

  it("a victim's partner acknowledges the notification sent to it", async () => {
    const page = await signIn(fx.tokens.victim);
    await visit(page, 'victims', '[data-testid=victims-table]');
    await page.click('tr[data-org="univ-a"] button[data-action=acknowledge]');
    await page.waitForSelector('tr[data-org="univ-a"] [data-status=acknowledged]');
    await page.screenshot({ path: join(shots, 'partner-victim.png') });
    const markings = await page.$$eval('tr[data-org] [data-tlp]', (els) => els.map((e) => e.getAttribute('data-tlp')));
    expect(markings.length).toBeGreaterThan(0); // AMBER items here are addressed to univ-a itself
    await page.close();
  });
});
