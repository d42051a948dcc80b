// hoptrace verify --case DIR: re-hash evidence, check the ledger and audit chains. Exit 1 on the first failure.
import type { Command } from 'commander';
import { openCase } from '../case.ts';

export function register(program: Command): void {
  program.command('verify')
    .description('re-hash every evidence file and check the ledger and audit hash chains')
    .requiredOption('--case <dir>', 'case directory')
    .option('--json', 'print the result as JSON')
    .action(async (o: { case: string; json?: boolean }) => {
      const kase = await openCase(o.case);
      try {
        const ledger = await kase.ledger.verify();
        const audit = kase.audit.verify();
        const ok = ledger.ok && !audit;
        const result = { ok, ledger, audit: audit ? { ok: false, ...audit } : { ok: true } };
        if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (ok && ledger.ok) process.stdout.write(`ok: ledger ${ledger.entries} entries, ${ledger.files} evidence files re-hashed; audit chain intact\n`);
        else {
          if (!ledger.ok) process.stdout.write(`FAILED: ledger entry ${ledger.seq}: ${ledger.reason}\n`);
          if (audit) process.stdout.write(`FAILED: audit entry ${audit.seq} (line ${audit.line}): ${audit.reason}\n`);
        }
        process.exitCode = ok ? 0 : 1;
      } finally {
        await kase.close();
      }
    });
}
