// hoptrace analyze --case DIR [--only a,b]
import type { Command } from 'commander';
import { openCase } from '../case.ts';
import { runAnalyzers } from '../analyze-run.ts';

export function register(program: Command): void {
  program.command('analyze')
    .description('run the analyzers in dependency order (re-running replaces their findings)')
    .requiredOption('--case <dir>', 'case directory')
    .option('--only <ids>', 'comma-separated analyzer ids')
    .option('--quiet', 'no progress output')
    .action(async (o: { case: string; only?: string; quiet?: boolean }) => {
      const kase = await openCase(o.case);
      try {
        const only = o.only?.split(',').map((s) => s.trim()).filter(Boolean);
        const runs = await runAnalyzers(kase, { only, log: o.quiet ? undefined : (m) => process.stderr.write(`${m}\n`) });
        for (const r of runs) process.stdout.write(`${r.id}: ${r.findings} findings (${r.seconds.toFixed(2)} s)\n`);
      } finally {
        await kase.close();
      }
    });
}
