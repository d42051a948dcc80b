// hoptrace relays FILE… [--json] — stepping-stone pairs and chains from captures (packet timing) or flow
// files (Zeek conn, nfdump, NetFlow: flow level). JSON contract in DESIGN §5.
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { RelayConfigSchema } from '../../analyzers/relays/config.ts';
import { detectRelays, type DetectMode } from '../../analyzers/relays/detect.ts';
import { loadRelayInput } from '../../analyzers/relays/inputs.ts';
import type { RelayConnection } from '../../analyzers/relays/types.ts';
import { expandFiles } from '../ingest/expand-files.ts';

interface Opts { json?: boolean; mode: string; minScore?: string; quiet?: boolean }

export function register(program: Command): void {
  program.command('relays')
    .description('stepping-stone pairs and chains from pcap/pcapng captures or flow files (no case needed)')
    .argument('<files...>', 'captures at relay hosts, or Zeek conn / nfdump / NetFlow files (or directories)')
    .option('--json', 'JSON output: {"connections":[…],"pairs":[…],"chains":[…]}')
    .option('--mode <m>', 'auto (packet level where timing exists), packet, or flow', 'auto')
    .option('--min-score <x>', 'only pairs scoring at least this')
    .option('--quiet', 'no notes on stderr')
    .action(async (files: string[], o: Opts) => {
      process.exitCode = await runRelays(files, o);
    });
}

export async function runRelays(files: string[], o: Opts): Promise<number> {
  if (!['auto', 'packet', 'flow'].includes(o.mode)) throw new InputError(`--mode ${o.mode}: use auto, packet or flow`);
  const minScore = o.minScore === undefined ? 0 : Number(o.minScore);
  if (!(minScore >= 0 && minScore <= 1)) throw new InputError(`--min-score ${o.minScore} must be between 0 and 1`);
  const paths = expandFiles(files);
  if (paths.length === 0) throw new InputError('no input files');
  const observations: RelayConnection[] = [];
  for (const p of paths) {
    const loaded = await loadRelayInput(p);
    observations.push(...loaded.connections);
    if (!o.quiet) process.stderr.write(`${p} (${loaded.format}): ${loaded.notes.join('; ')}\n`);
  }
  const result = detectRelays(observations, RelayConfigSchema.parse({}), o.mode as DetectMode);
  const pairs = result.pairs.filter((p) => p.score >= minScore);
  if (!o.quiet) process.stderr.write(`${result.candidates} candidate pairs, ${pairs.length} relay pairs, ${result.chains.length} chains\n`);
  const out = {
    connections: result.connections.map((c) => ({ id: c.id, proto: c.proto, src: c.src, sport: c.sport, dst: c.dst, dport: c.dport, start: c.start, end: c.end })),
    pairs: pairs.map((p) => ({ inbound: p.inbound, outbound: p.outbound, relay: p.relay, score: p.score, method: p.method, components: p.components })),
    chains: result.chains.filter((c) => c.score >= minScore).map((c) => ({ hops: c.hops, score: c.score, relays: c.relays })),
  };
  if (o.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else {
    for (const p of out.pairs) process.stdout.write(`${p.score.toFixed(3)} ${p.method.padEnd(6)} ${p.inbound}  ⇒  ${p.outbound}\n`);
    for (const c of out.chains) process.stdout.write(`chain ${c.score.toFixed(3)}: ${c.hops.join(' → ')}\n`);
  }
  return 0;
}
