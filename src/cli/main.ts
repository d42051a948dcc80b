// Entry point: parses argv with commander and maps errors to exit codes (0 ok, 1 failure, 2 usage/input).
import { Command, CommanderError } from 'commander';
import { HoptraceError } from '../core/errors.ts';
import { registerCommands } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('hoptrace')
    .description('Trace attacks through rented stepping-stone servers to the accounts and people behind them')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof HoptraceError) {
      process.stderr.write(`hoptrace: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`hoptrace: internal error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
