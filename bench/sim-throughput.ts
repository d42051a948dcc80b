// Generator throughput: flows/s of `simulate` at a given size, against a baseline measured in the same run
// (writing the same number of fixed conn.log lines through the same file sink: pure formatting + I/O floor).
// Usage: npx tsx bench/sim-throughput.ts [--victims N] [--days N] [--background-rate R] [--seed N] [--keep]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../src/sim/config.ts';
import { FileSink } from '../src/sim/file-sink.ts';
import { simulate } from '../src/sim/simulate.ts';

const { values } = parseArgs({ options: {
  victims: { type: 'string', default: String(DEFAULTS.victims) }, days: { type: 'string', default: String(DEFAULTS.days) },
  'background-rate': { type: 'string', default: String(DEFAULTS.backgroundRate) }, seed: { type: 'string', default: '1' },
  keep: { type: 'boolean', default: false },
} });

const dir = mkdtempSync(join(tmpdir(), 'hoptrace-simbench-'));
const out = join(dir, 'sim');
const t = performance.now();
const cpu0 = process.cpuUsage();
const r = simulate({ seed: Number(values.seed), victims: Number(values.victims), days: Number(values.days), backgroundRate: Number(values['background-rate']), intel: 'full', out });
const simSecs = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
const simCpu = (cpu.user + cpu.system) / 1e6;
const peakRss = process.memoryUsage().rss;

const line = '1472774906.510796\tCHwL4vEcXw5QcH2OuJ\t198.18.0.70\t56060\t198.19.8.48\t443\ttcp\tssl\t15.027372\t635\t179614\tSF\tT\tF\t0\tShADadFf\t67\t4119\t128\t186270\t-\n';
const b = performance.now();
const bcpu0 = process.cpuUsage();
const sink = new FileSink(join(dir, 'baseline.log'));
for (let i = 0; i < r.flows; i++) sink.write(line);
sink.close();
const baseSecs = (performance.now() - b) / 1000;
const bcpu = process.cpuUsage(bcpu0);
const baseCpu = (bcpu.user + bcpu.system) / 1e6;

const byFormat = new Map<string, { files: number; rows: number; bytes: number }>();
for (const f of r.manifest.files) {
  const v = byFormat.get(f.format) ?? { files: 0, rows: 0, bytes: 0 };
  v.files++;
  v.rows += f.rows ?? 0;
  v.bytes += f.bytes ?? 0;
  byFormat.set(f.format, v);
}
const mb = (n: number) => (n / 1048576).toFixed(1);
console.log(`simulate seed ${values.seed}: victims ${values.victims}, days ${values.days}, background-rate ${values['background-rate']}`);
console.log(`  flows ${r.flows} (zeek conn ${r.zeekRows.conn}, nfdump records ${r.nfdumpRecords}); dns ${r.zeekRows.dns}, ssl ${r.zeekRows.ssl}, pcap packets ${r.packets}`);
console.log(`  generator: ${simSecs.toFixed(2)} s wall, ${simCpu.toFixed(2)} s CPU → ${Math.round(r.flows / simSecs)} flows/s wall, ${Math.round(r.flows / simCpu)} flows/CPU-s; RSS at end ${mb(peakRss)} MiB`);
console.log(`  baseline (same number of constant conn.log lines through the same sink): ${baseSecs.toFixed(2)} s wall, ${baseCpu.toFixed(2)} s CPU → ${Math.round(r.flows / baseCpu)} lines/CPU-s`);
console.log(`  ratio generator/baseline: ${(simSecs / baseSecs).toFixed(1)}× wall, ${(simCpu / baseCpu).toFixed(1)}× CPU (the machine is shared: CPU time is the steadier figure)`);
console.log('  files by format (rows = records, bytes where known):');
for (const [f, v] of [...byFormat].sort()) console.log(`    ${f.padEnd(10)} files ${String(v.files).padStart(4)}  rows ${String(v.rows).padStart(9)}  ${v.bytes ? `${mb(v.bytes)} MiB` : ''}`);
if (values.keep) console.log(`  kept in ${out}`);
else rmSync(dir, { recursive: true, force: true });
