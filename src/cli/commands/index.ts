// Every CLI command, one import and one list entry each; each module exports register(program).
import type { Command } from 'commander';
import { register as analyze } from './analyze.ts';
import { register as demo } from './demo.ts';
import { register as beacons } from './beacons.ts';
import { register as relays } from './relays.ts';
import { register as findings } from './findings.ts';
import { register as ingest } from './ingest.ts';
import { register as serve } from './serve.ts';
import { register as user } from './user.ts';
import { register as report } from './report.ts';
import { register as verify } from './verify.ts';
import { register as simulate } from './simulate.ts';
import { register as enrich } from './enrich.ts';
import { register as resolve } from './resolve.ts';
import { register as exportCmd } from './export.ts';
import { register as notify } from './notify.ts';

const REGISTERS: Array<(program: Command) => void> = [
  demo,
  ingest,
  verify,
  analyze,
  findings,
  report,
  beacons,
  relays,
  serve,
  user,
  simulate,
  enrich,
  resolve,
  exportCmd,
  notify,
];

export function registerCommands(program: Command): void {
  for (const register of REGISTERS) register(program);
}
