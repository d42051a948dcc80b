// An ingest killed half-way leaves rows tagged with an evidence id that has no evidence row; the next
// ingest removes them, so the case ends with exactly one copy of the file's rows.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../src/cli/case.ts';
import { tempDirsRemovedAfterAll } from '../src/core/temp-dirs.testing.ts';

const BIN = resolve(import.meta.dirname, '../bin/hoptrace.js');
const ROWS = 150_000;
const tempDir = tempDirsRemovedAfterAll('hoptrace-kill-');

async function writeJsonConnLog(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < ROWS; i++) {
    const line = `{"ts":${1475280000 + i},"uid":"C${i}","id.orig_h":"10.0.${(i >> 8) & 255}.${i & 255}","id.orig_p":${1024 + (i % 60000)},"id.resp_h":"203.0.113.${i % 200}","id.resp_p":443,"proto":"tcp","duration":1.5,"orig_bytes":100,"resp_bytes":2000,"conn_state":"SF","orig_pkts":5,"resp_pkts":6}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('an ingest killed half-way', () => {
  it('leaves no partial rows once the ingest is run again', async () => {
    const dir = tempDir();
    const file = join(dir, 'conn.json');
    const caseDir = join(dir, 'case');
    await writeJsonConnLog(file);
    const first = spawn(process.execPath, [BIN, 'ingest', '--case', caseDir, '--quiet', '--org', 'o', file], { stdio: 'ignore' });
    const timer = setTimeout(() => first.kill('SIGKILL'), 2500);
    const [code, signal] = await once(first, 'exit');
    clearTimeout(timer);
    const second = spawnSync(process.execPath, [BIN, 'ingest', '--case', caseDir, '--quiet', '--org', 'o', file], { encoding: 'utf8' });
    expect(second.status, second.stderr).toBe(0);
    const k = await openCase(caseDir);
    try {
      expect(await k.store.count('flows')).toBe(ROWS);
      expect(await k.store.count('evidence')).toBe(1);
      expect(await k.store.orphanEvidenceIds()).toEqual([]);
    } finally {
      await k.close();
    }
    // Which way the first run ended is reported, not asserted: a fast machine may finish before the kill.
    console.log(`first run ended with ${signal ?? `exit ${code}`}; second run: ${second.stdout.trim()}`);
  }, 120_000);
});
