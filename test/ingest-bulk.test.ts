// The DuckDB bulk path for large Zeek conn logs stores what the row parser would: same counts, same
// org classification, malformed lines as rejects with their line numbers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeConnLog } from '../bench/ingest/gen-conn-log.ts';
import { runIngest } from '../src/cli/commands/ingest.ts';
import { openCase } from '../src/cli/case.ts';
import { parseIpv4 } from '../src/core/ip.ts';
import { ingestFile } from '../src/cli/ingest/run-ingest.ts';
import type { IngestTimings } from '../src/cli/ingest/timings.ts';
import { loadSteps } from '../bench/ingest/load-profile.ts';
import { tempDirsRemovedAfterAll } from '../src/core/temp-dirs.testing.ts';


const tempDir = tempDirsRemovedAfterAll('hoptrace-bulk-');
describe('bulk ingest of a large Zeek conn log', () => {
  it('takes the bulk path and classifies against org blocks like the parser', async () => {
    const dir = tempDir();
    const log = join(dir, 'conn.log');
    await writeConnLog(log, 90_000);
    const text = readFileSync(log, 'utf8');
    const body = text.replace(/\n#close[^\n]*\n$/, '\n');
    writeFileSync(log, `${body}garbage-line\tonly-two-fields\n#close\t2017\n`);
    const dataLines = body.split('\n').filter((l) => l && !l.startsWith('#'));
    const toOrgBlock = dataLines.filter((l) => l.split('\t')[4].startsWith('198.18.')).length;
    writeFileSync(join(dir, 'orgs.csv'), 'id,name,sector,country,networks,contacts,sensors\nv,Victim,research,JP,198.18.0.0/16,,\n');
    const caseDir = join(dir, 'case');
    const { results } = await ingestJson([join(dir, 'orgs.csv'), log], caseDir);
    expect(results[1]).toMatchObject({ path: 'bulk', read: dataLines.length + 1, stored: dataLines.length, rejected: 1 });
    const k = await openCase(caseDir);
    try {
      const r = await k.store.query<{ n: number; int: number; org: number; rej: number; src: number; dst: number }>(
        `SELECT count(*) AS n, sum(dst_int) AS int, count(*) FILTER (WHERE org = 'v') AS org,
           (SELECT max(line_or_offset) FROM rejects) AS rej, sum(src) AS src, sum(dst) AS dst FROM flows`);
      const keySum = (col: number) => dataLines.reduce((sum, l) => sum + parseIpv4(l.split('\t')[col])!, 0);
      expect(r[0]).toEqual({
        n: dataLines.length, int: toOrgBlock, org: toOrgBlock, src: keySum(2), dst: keySum(4),
        rej: readFileSync(log, 'utf8').split('\n').indexOf('garbage-line\tonly-two-fields') + 1,
      });
    } finally {
      await k.close();
    }
  }, 120_000);

  it('hands a file with a malformed address to the row parser, which rejects that line alone', async () => {
    const dir = tempDir();
    const log = join(dir, 'conn.log');
    await writeConnLog(log, 90_000);
    const lines = readFileSync(log, 'utf8').split('\n');
    const bad = lines.findIndex((l) => l && !l.startsWith('#')) + 500;
    const fields = lines[bad].split('\t');
    fields[4] = '198.18.3.256';
    lines[bad] = fields.join('\t');
    writeFileSync(log, lines.join('\n'));
    const dataLines = lines.filter((l) => l && !l.startsWith('#')).length;
    const { results } = await ingestJson([log], join(dir, 'case'));
    expect(results[0]).toMatchObject({ path: 'parser', read: dataLines, stored: dataLines - 1, rejected: 1 });
    const k = await openCase(join(dir, 'case'));
    try {
      const rej = await k.store.query<{ file: string; line_or_offset: number; reason: string }>('SELECT file, line_or_offset, reason FROM rejects');
      expect(rej).toHaveLength(1);
      expect(rej[0]).toMatchObject({ file: log, line_or_offset: bad + 1 });
      expect(rej[0].reason).toMatch(/198\.18\.3\.256|address/);
      expect((await k.store.query<{ n: number }>('SELECT count(*) AS n FROM flows'))[0].n).toBe(dataLines - 1);
    } finally {
      await k.close();
    }
  }, 120_000);
});

describe('ingest timings for the benchmark', () => {
  it('fills per-phase times and a DuckDB profile whose row count matches the store', async () => {
    const dir = tempDir();
    const log = join(dir, 'conn.log');
    await writeConnLog(log, 90_000);
    const kase = await openCase(join(dir, 'case'), { create: true });
    const timings: IngestTimings = { ms: {} };
    try {
      const r = await ingestFile(kase, log, { format: 'auto', quiet: true, timings });
      expect(r).toMatchObject({ path: 'bulk', read: 90_000, stored: 90_000, rejected: 0 });
      expect(await kase.store.count('flows')).toBe(90_000);
    } finally {
      await kase.close();
    }
    expect(Object.keys(timings.ms).sort()).toEqual(['copy', 'detect', 'hash', 'ledger', 'load', 'reconcile', 'seal']);
    expect(Object.values(timings.ms).every((ms) => ms >= 0)).toBe(true);
    const steps = loadSteps(timings.loadProfile!);
    expect(steps.read_csv).toBeGreaterThan(0);
    expect(steps.write).toBeGreaterThan(0);
  }, 120_000);
});

async function ingestJson(files: string[], caseDir: string): Promise<{ results: Array<Record<string, unknown>> }> {
  const write = process.stdout.write;
  const out: string[] = [];
  process.stdout.write = ((s: string) => { out.push(s); return true; }) as typeof process.stdout.write;
  try {
    expect(await runIngest(files, { case: caseDir, format: 'auto', tz: 'UTC', map: [], quiet: true, json: true })).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out.join(''));
}
