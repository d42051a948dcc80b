// hoptrace export stix|misp --case DIR --out FILE [--tlp clear|green|amber|amber+strict|red] [--producer NAME]
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { exportCase, type ExportFormat } from '../../sinks/export/export-case.ts';
import { parseTlpFlag } from '../../sinks/export/tlp.ts';
import { openCase } from '../case.ts';

export function register(program: Command): void {
  program.command('export')
    .description('export the case as a STIX 2.1 bundle or a MISP event, up to a TLP ceiling (recorded in the audit log)')
    .argument('<format>', 'stix | misp')
    .requiredOption('--case <dir>', 'case directory')
    .requiredOption('--out <file>', 'output JSON file')
    .option('--tlp <level>', 'most restrictive TLP that may leave: clear | green | amber | amber+strict | red', 'amber')
    .option('--producer <name>', 'name of the producing organisation in the export', 'hoptrace')
    .action(async (format: string, o: { case: string; out: string; tlp: string; producer: string }) => {
      if (format !== 'stix' && format !== 'misp') throw new InputError(`unknown export format '${format}' (use stix or misp)`);
      let maxTlp;
      try { maxTlp = parseTlpFlag(o.tlp); } catch (e) { throw new InputError(`--tlp: ${(e as Error).message}`); }
      const kase = await openCase(o.case);
      try {
        const r = await exportCase(kase.store, { caseName: basename(kase.dir), producer: o.producer, format: format as ExportFormat, maxTlp, out: resolve(o.out) });
        kase.audit.record('cli', `export.${format}`, r.id, { file: r.file, tlp: maxTlp, objects: r.objects, indicators: r.indicators, actors: r.actors });
        process.stdout.write(`${r.file}: ${format} with ${r.objects} objects (${r.indicators} indicators, ${r.actors} actors) up to TLP:${maxTlp.toUpperCase()}\n`);
      } finally {
        await kase.close();
      }
    });
}
