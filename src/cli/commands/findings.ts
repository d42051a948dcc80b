// hoptrace findings --case DIR [--analyzer A] [--json]
import type { Command } from 'commander';
import { openCase } from '../case.ts';

export function register(program: Command): void {
  program.command('findings')
    .description('list findings of the case')
    .requiredOption('--case <dir>', 'case directory')
    .option('--analyzer <id>', 'only this analyzer')
    .option('--kind <kind>', 'only this kind')
    .option('--limit <n>', 'at most N findings', (v) => Number.parseInt(v, 10))
    .option('--json', 'JSON output')
    .action(async (o: { case: string; analyzer?: string; kind?: string; limit?: number; json?: boolean }) => {
      const kase = await openCase(o.case);
      try {
        const list = await kase.store.findings({ analyzer: o.analyzer, kind: o.kind, limit: o.limit });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (list.length === 0) process.stdout.write('no findings (run `hoptrace analyze --case DIR` first)\n');
        for (const f of list) {
          process.stdout.write(`${f.analyzer.padEnd(14)} ${f.kind.padEnd(18)} ${f.score.toFixed(3)}  ${f.subject}\n`);
        }
      } finally {
        await kase.close();
      }
    });
}
