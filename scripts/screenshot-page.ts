// Screenshot a local HTML report with Debian's Chromium: npx tsx scripts/screenshot-page.ts FILE.html OUT.png [width]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/browser-helpers.ts';

const [file, out, width] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: screenshot-page.ts FILE.html OUT.png [width]');
const { browser, close } = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewportSize({ width: Number(width ?? 1200), height: 900 });
  await page.goto(pathToFileURL(resolve(file)).href);
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`${out}\n`);
} finally {
  await close();
}
