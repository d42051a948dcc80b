// Threat-intel files through the real ingest command: auto-detection, corroboration across two files,
// refused files leave nothing behind (exit 2, ledger 'refused', no rows).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { openCase } from '../src/cli/case.ts';
import { mergedIndicators } from '../src/enrich/indicators.ts';

async function ingest(caseDir: string, ...files: string[]): Promise<number> {
  const err = process.stderr.write;
  const out = process.stdout.write;
  process.stderr.write = (() => true) as never;
  process.stdout.write = (() => true) as never;
  try {
    process.exitCode = 0;
    return await main(['node', 'hoptrace', 'ingest', '--case', caseDir, '--quiet', ...files]);
  } finally {
    process.stderr.write = err;
    process.stdout.write = out;
    process.exitCode = 0;
  }
}

async function counts(caseDir: string) {
  const kase = await openCase(caseDir);
  try {
    const rows = await kase.store.query<{ t: string; n: number }>(
      "SELECT 'indicators' AS t, count(*) AS n FROM indicators UNION ALL SELECT 'intel_objects', count(*) FROM intel_objects UNION ALL SELECT 'evidence', count(*) FROM evidence ORDER BY t");
    const merged = await mergedIndicators(kase.store);
    const n = Object.fromEntries(rows.map((r) => [r.t, r.n])) as Record<'indicators' | 'intel_objects' | 'evidence', number>;
    return { ...n, merged };
  } finally {
    await kase.close();
  }
}

describe('intel ingest end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intel-ingest-'));
  const caseDir = join(dir, 'case');
  const feedA = join(dir, 'feedA.txt');
  const feedB = join(dir, 'feedB.csv');
  writeFileSync(feedA, '# feed A\n203.0.113[.]5\nhxxp://evil[.]example/x\n');
  writeFileSync(feedB, 'indicator,type,source,tlp\n203.0.113.5,ip,feedB,TLP:RED\n');

  it('stores the same indicator once with both sources (two files, two ingest calls)', async () => {
    expect(await ingest(caseDir, feedA)).toBe(0);
    expect(await ingest(caseDir, feedB)).toBe(0);
    const c = await counts(caseDir);
    const ip = c.merged.find((m) => m.value === '203.0.113.5')!;
    expect(ip).toMatchObject({ sources: ['feedA.txt', 'feedB'], source_count: 2, tlp: 'red' });
    expect(c.merged).toHaveLength(2);
  });

  it.each([
    ['broken.json', '{"type": "bundle", "objects": [ {"type": '],
    ['draft.json', '{"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","spec_version":"2.0","indicators":[{"type":"indicator"}]}'],
    ['garbage.txt', Array.from({ length: 60 }, (_, i) => `line ${i} of prose`).join('\n')],
    ['misp.json', '{"Event": {"info": 3}, "nothing": true}'],
  ])('refuses %s with exit 2 and stores nothing from it', async (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    const before = await counts(caseDir);
    const format = name.startsWith('misp') ? ['--format', 'misp'] : name.endsWith('.json') ? ['--format', 'stix'] : ['--format', 'iocs'];
    expect(await ingest(caseDir, ...format, path)).toBe(2);
    const after = await counts(caseDir);
    expect([after.indicators, after.intel_objects, after.evidence]).toEqual([before.indicators, before.intel_objects, before.evidence]);
  });
});
