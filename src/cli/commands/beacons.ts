// hoptrace beacons FILE… [--json] — beacon scores per (src, dst, dport) straight from Zeek conn logs or
// flow files, no case: the files are parsed into an in-memory DuckDB store and scored like the analyzer.
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { isPrivate, parseCidr, parseIp, cidrContains, type Cidr } from '../../core/ip.ts';
import type { Reject } from '../../core/types.ts';
import { detectFormat, openInput } from '../../ingest/detect.ts';
import { FORMATS } from '../../ingest/formats.ts';
import { BeaconParamsSchema, beaconParams } from '../../analyzers/beacons/analyzer.ts';
import { scoredPairs } from '../../analyzers/beacons/pairs.ts';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.ts';
import type { Row } from '../../store/store.ts';
import { expandFiles } from '../ingest/expand-files.ts';

interface Opts {
  json?: boolean; minConnections: string; minScore: string; externalOnly?: boolean; internal: string[];
  byPort: boolean; limit?: string; quiet?: boolean;
}

export function register(program: Command): void {
  program.command('beacons')
    .description('beacon scores per (src, dst, dport) from Zeek conn logs / flow files (no case needed)')
    .argument('<files...>', 'Zeek conn logs, nfdump CSV exports or NetFlow/IPFIX files (or directories)')
    .option('--json', 'JSON output: {"pairs":[{src,dst,dport,connections,score,components}]}')
    .option('--min-connections <n>', 'fewest distinct connection seconds per pair', '4')
    .option('--min-score <x>', 'only pairs scoring at least this', '0')
    .option('--external-only', 'only internal host → external endpoint pairs (internal = --internal CIDRs, else private space)')
    .option('--internal <cidr...>', 'internal networks for --external-only', [])
    .option('--no-by-port', 'merge all destination ports of a pair')
    .option('--limit <n>', 'at most N pairs')
    .option('--quiet', 'no notes on stderr')
    .action(async (files: string[], o: Opts) => {
      process.exitCode = await runBeacons(files, o);
    });
}

export async function runBeacons(files: string[], o: Opts): Promise<number> {
  const internal = o.internal.map((c) => parseCidr(c) ?? badOption(`--internal ${c} is not a CIDR`));
  const parsed = BeaconParamsSchema.safeParse({ minConnections: intOption('--min-connections', o.minConnections), byPort: o.byPort });
  if (!parsed.success) badOption(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const params = parsed.data;
  const minScore = Number(o.minScore);
  if (!(minScore >= 0 && minScore <= 1)) badOption(`--min-score ${o.minScore} must be between 0 and 1`);
  const paths = expandFiles(files);
  if (paths.length === 0) throw new InputError('no input files');
  const store = await DuckDbStore.open({});
  try {
    for (const p of paths) {
      const { rows, rejects } = await loadFlowFile(store, p, internal);
      if (!o.quiet) process.stderr.write(`${p}: ${rows} flows${rejects.length ? `, ${rejects.length} rejected (first: line ${rejects[0].line ?? rejects[0].offset}: ${rejects[0].reason})` : ''}\n`);
    }
    const pairs = (await scoredPairs(store, {
      minConnections: params.minConnections, strobePerDay: params.strobePerDay, byPort: params.byPort, allPairs: !o.externalOnly,
    }, beaconParams(params))).filter((x) => x.strobe || x.score >= minScore);
    const shown = o.limit ? pairs.slice(0, intOption('--limit', o.limit)) : pairs;
    const out = shown.map((x) => ({
      src: x.src, dst: x.dst, dport: x.dport, connections: x.connections, score: x.score,
      components: x.components, first_seen: x.first_seen, last_seen: x.last_seen, strobe: x.strobe,
    }));
    if (o.json) process.stdout.write(`${JSON.stringify({ pairs: out }, null, 2)}\n`);
    else for (const x of out) {
      process.stdout.write(`${x.score.toFixed(3)}  ${x.src} → ${x.dst}${x.dport === null ? '' : `:${x.dport}`}  ${x.connections} conns${x.strobe ? '  STROBE' : ''}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** Parses one file with the sniffed format and appends its flows, marking which side is internal. */
async function loadFlowFile(store: DuckDbStore, path: string, internal: Cidr[]): Promise<{ rows: number; rejects: Reject[] }> {
  const { format } = await detectFormat(path);
  const parser = FORMATS.find((f) => f.name === format)!;
  let rows = 0;
  const rejects: Reject[] = [];
  for await (const batch of parser.parse(openInput(path), { file: path })) {
    const flows = (batch.rows.flows ?? []) as Row[];
    if (batch.read > 0 && flows.length === 0 && Object.keys(batch.rows).some((t) => t !== 'flows' && (batch.rows as Record<string, Row[]>)[t].length)) {
      throw new InputError(`${format} records carry no flows (beacons needs conn logs or flow records)`, path);
    }
    for (const r of flows) {
      r.evidence_id = 'beacons';
      r.src_int = isInternal(String(r.src), internal) ? 1 : 0;
      r.dst_int = isInternal(String(r.dst), internal) ? 1 : 0;
    }
    await store.append('flows', flows);
    rows += flows.length;
    rejects.push(...batch.rejects);
  }
  return { rows, rejects };
}

function isInternal(ip: string, internal: Cidr[]): boolean {
  const p = parseIp(ip);
  if (!p) return false;
  return internal.length ? internal.some((c) => cidrContains(c, p)) : isPrivate(p);
}

function intOption(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) badOption(`${name} ${v} must be a whole number`);
  return n;
}

function badOption(message: string): never {
  throw new InputError(message);
}
