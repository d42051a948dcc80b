// hoptrace's own ingest of the same file into a fresh case (ledger hash + evidence copy included). Prints JSON.
import { rmSync } from 'node:fs';
import { runIngest } from '../../src/cli/commands/ingest.ts';
import { openCase } from '../../src/cli/case.ts';

const [file, caseDir] = process.argv.slice(2);
rmSync(caseDir, { recursive: true, force: true });
const t = performance.now();
await runIngest([file], { case: caseDir, format: 'auto', tz: 'UTC', map: [], quiet: true, json: true, org: 'bench-org' });
const seconds = (performance.now() - t) / 1000;
const kase = await openCase(caseDir);
const rows = await kase.store.count('flows');
await kase.close();
console.log(JSON.stringify({ seconds, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
