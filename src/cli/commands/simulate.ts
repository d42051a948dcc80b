// hoptrace simulate --seed N [--victims N] [--days N] [--background-rate R] [--intel full|shared-tools-only] --out DIR
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { DEFAULTS, validateOptions, type IntelVariant, type SimOptions } from '../../sim/config.ts';
import { simulate } from '../../sim/simulate.ts';

interface Opts { seed: string; victims: string; days: string; backgroundRate: string; intel: string; out: string; json?: boolean }

export function register(program: Command): void {
  program.command('simulate')
    .description('write a simulated campaign (real-format evidence files) plus ground-truth.json and manifest.json')
    .requiredOption('--seed <n>', 'world seed (same seed → byte-identical files)')
    .option('--victims <n>', 'victim organisations', String(DEFAULTS.victims))
    .option('--days <n>', 'observed days', String(DEFAULTS.days))
    .option('--background-rate <r>', 'benign connections per victim per day', String(DEFAULTS.backgroundRate))
    .option('--intel <variant>', 'prior intel: full | shared-tools-only', DEFAULTS.intel)
    .requiredOption('--out <dir>', 'output directory')
    .option('--json', 'print the summary as JSON')
    .action((o: Opts) => {
      const opts: SimOptions = {
        seed: Number(o.seed), victims: Number(o.victims), days: Number(o.days), backgroundRate: Number(o.backgroundRate),
        intel: o.intel as IntelVariant, out: o.out,
      };
      const bad = validateOptions(opts);
      if (bad) throw new InputError(bad);
      const started = performance.now();
      const r = simulate(opts);
      const secs = (performance.now() - started) / 1000;
      const summary = {
        out: o.out, files: r.manifest.files.length, flows: r.flows, zeek: r.zeekRows, nfdump_records: r.nfdumpRecords,
        pcap_packets: r.packets, attacker_servers: r.truth.attacker_servers.length, victims_touched: r.truth.victims.length,
        seconds: Number(secs.toFixed(2)), flows_per_second: Math.round(r.flows / secs),
      };
      if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        process.stdout.write(`simulated seed ${opts.seed}: ${summary.files} files in ${o.out} (manifest.json, ground-truth.json)\n`);
        process.stdout.write(`  ${r.flows} flows (zeek conn ${r.zeekRows.conn}, nfdump ${r.nfdumpRecords}), dns ${r.zeekRows.dns}, ssl ${r.zeekRows.ssl}, pcap packets ${r.packets}\n`);
        process.stdout.write(`  ${summary.attacker_servers} attacker servers, ${summary.victims_touched} victims touched; ${secs.toFixed(1)} s (${summary.flows_per_second} flows/s)\n`);
      }
    });
}
