// hoptrace's own ingest of the same file into a fresh case: open the case, ingest (ledger copy + hash, detect,
// bulk load with validation and org classification, reconcile, seal), close — the work `hoptrace ingest`
// does for one file. Prints JSON with per-phase wall times and DuckDB's profile of the load statement.
import { rmSync } from 'node:fs';
import { openCase } from '../../src/cli/case.ts';
import { ingestFile } from '../../src/cli/ingest/run-ingest.ts';
import type { IngestTimings } from '../../src/cli/ingest/timings.ts';
import { loadSteps } from './load-profile.ts';

const [file, caseDir] = process.argv.slice(2);
rmSync(caseDir, { recursive: true, force: true });
const timings: IngestTimings = { ms: {} };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const kase = await openCase(caseDir, { create: true });
const t1 = performance.now();
const result = await ingestFile(kase, file, { format: 'auto', tz: 'UTC', quiet: true, org: 'bench-org', timings });
const t2 = performance.now();
await kase.close();
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const phases = { open: t1 - t0, ...timings.ms, close: performance.now() - t2 };
console.log(JSON.stringify({
  seconds, rows: result.stored, read: result.read, rejected: result.rejected, path: result.path,
  maxRssMiB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6,
  phases, load: timings.loadProfile ? loadSteps(timings.loadProfile) : null,
}));
