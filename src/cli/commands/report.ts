// hoptrace report victims|providers|evidence|summary --case DIR --out DIR
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { openCase, type Case } from '../case.ts';
import { REPORTS } from '../reports.ts';

export function register(program: Command): void {
  program.command('report')
    .description('write a report: victims | providers | evidence | summary | all')
    .argument('<kind>', 'victims | providers | evidence | summary | all')
    .requiredOption('--case <dir>', 'case directory')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (kind: string, o: { case: string; out: string }) => {
      const kinds = kind === 'all' ? Object.keys(REPORTS) : [kind];
      for (const k of kinds) if (!REPORTS[k]) throw new InputError(`unknown report '${k}' (known: ${Object.keys(REPORTS).join(', ')}, all)`);
      const kase: Case = await openCase(o.case);
      try {
        for (const k of kinds) {
          const files = await REPORTS[k](kase, o.out);
          kase.audit.record('cli', 'report', k, { files });
          for (const f of files) process.stdout.write(`${f}\n`);
        }
      } finally {
        await kase.close();
      }
    });
}
