// Debian's Chromium driven by playwright-core (never a downloaded browser), against a real loopback server.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** A fresh profile directory each launch (playwright passes it to Chromium as --user-data-dir). */
export async function launchChromium(): Promise<{ browser: BrowserContext; profile: string; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hoptrace-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return { browser, profile, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Screenshots go to HOPTRACE_SCREENSHOTS (e.g. docs/screenshots) when set, else to a temp dir. */
export function screenshotDir(): string {
  const dir = process.env.HOPTRACE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'hoptrace-shots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
