// Every CLI command, one import and one list entry each; each module exports register(program).
import type { Command } from 'commander';

const REGISTERS: Array<(program: Command) => void> = [
];

export function registerCommands(program: Command): void {
  for (const register of REGISTERS) register(program);
}
