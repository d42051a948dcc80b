import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

describe('hoptrace simulate', () => {
  it('writes the manifest and ground truth, and refuses bad options with exit 2', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hoptrace-simcli-')), 'sim');
    const write = process.stdout.write.bind(process.stdout);
    let printed = '';
    process.stdout.write = ((s: string) => { printed += s; return true; }) as typeof process.stdout.write;
    try {
      expect(await main(['node', 'hoptrace', 'simulate', '--seed', '5', '--victims', '6', '--days', '2', '--background-rate', '10', '--out', out, '--json'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const summary = JSON.parse(printed) as { files: number; flows: number };
    expect(summary.flows).toBeGreaterThan(0);
    expect(existsSync(join(out, 'ground-truth.json'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: unknown[] };
    expect(manifest.files.length).toBe(summary.files);
    process.exitCode = 0;
    expect(await main(['node', 'hoptrace', 'simulate', '--seed', '-1', '--out', out])).toBe(2);
    process.exitCode = 0;
  });
});
