#!/usr/bin/env node
// Runs the whole test suite with vitest and prints a plain "N passed, N failed" line (CI reads it);
// exits non-zero when anything failed or no test ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'hoptrace-test-')), 'results.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
if (!existsSync(out)) {
  console.log('0 passed, 1 failed');
  console.error('vitest wrote no results (it crashed before running tests)');
  process.exit(run.status || 1);
}
const r = JSON.parse(readFileSync(out, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
const failedSuites = r.numFailedTestSuites ?? 0;
if (r.numFailedTests > 0 || failedSuites > 0 || run.status !== 0) process.exit(run.status || 1);
if (r.numPassedTests === 0) { console.error('no test ran'); process.exit(1); }
