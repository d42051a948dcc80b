// hoptrace ingest --case DIR [--format F] [--org ORG] [--sensor S] [--tz ZONE] [--map COL=FIELD…] FILE|DIR...
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { isValidZone } from '../../core/time.ts';
import type { Reject } from '../../core/types.ts';
import type { FormatName } from '../../ingest/contract.ts';
import { openCase } from '../case.ts';
import { engineOptions, type EngineCliOptions } from '../engine-options.ts';
import { expandFiles } from '../ingest/expand-files.ts';
import { detectFormat } from '../../ingest/detect.ts';
import { ingestFile, type IngestOptions, type IngestResult } from '../ingest/run-ingest.ts';

interface Opts extends EngineCliOptions {
  case: string; format: string; org?: string; sensor?: string; tz: string; map: string[];
  provider?: string; tlp?: string; source?: string; quiet?: boolean; json?: boolean;
}

export function register(program: Command): void {
  const cmd = program.command('ingest')
    .description('hash, record and load evidence files into a case (format sniffed from content)')
    .requiredOption('--case <dir>', 'case directory (created when missing)')
    .option('--format <f>', 'auto | zeek nfdump netflow pcap orgs accounts leases logins providers stix misp iocs', 'auto')
    .option('--org <org>', 'victim org the whole file belongs to')
    .option('--sensor <s>', 'sensor name for the whole file')
    .option('--tz <zone>', 'IANA zone of times written without one (nfdump CSV, provider exports)', 'UTC')
    .option('--map <col=field...>', 'column map for provider exports, e.g. 契約者名=name', [])
    .option('--provider <name>', 'provider the accounts/leases/logins export comes from')
    .option('--tlp <tlp>', 'TLP of the input when it carries none (clear green amber amber+strict red)')
    .option('--source <name>', 'source label for intel inputs')
    .option('--quiet', 'no progress output')
    .option('--json', 'print results as JSON')
    .argument('<files...>', 'files or directories');
  engineOptions(cmd);
  cmd.action(async (files: string[], o: Opts) => {
    process.exitCode = await runIngest(files, o);
  });
}

export async function runIngest(files: string[], o: Opts): Promise<number> {
  if (!isValidZone(o.tz)) throw new InputError(`--tz ${o.tz} is not an IANA time zone (e.g. UTC, Asia/Tokyo)`);
  const map = parseMap(o.map);
  const paths = await orgsFirst(expandFiles(files), o.format);
  if (paths.length === 0) throw new InputError('no files to ingest');
  const kase = await openCase(o.case, { create: true, flags: { engine: o.engine, clickhouseUrl: o.clickhouseUrl } });
  const results: IngestResult[] = [];
  const refused: string[] = [];
  try {
    const opts: IngestOptions = {
      format: o.format as FormatName | 'auto', org: o.org, sensor: o.sensor, tz: o.tz, map, provider: o.provider,
      tlp: o.tlp, source: o.source, quiet: o.quiet,
    };
    for (const p of paths) {
      try {
        const r = await ingestFile(kase, p, opts);
        results.push(r);
        if (!o.json) process.stdout.write(`${describe(r)}\n`);
      } catch (e) {
        // One refused file does not stop the others; the command still exits 2 and names each refusal.
        if (!(e instanceof InputError) || paths.length === 1) throw e;
        refused.push(e.message);
        process.stderr.write(`hoptrace: ${e.message}\n`);
      }
    }
  } finally {
    await kase.close();
  }
  if (o.json) process.stdout.write(`${JSON.stringify({ results, refused }, null, 2)}\n`);
  if (refused.length) process.stderr.write(`hoptrace: ${refused.length} of ${paths.length} files refused (see above); the others were ingested\n`);
  return refused.length ? 2 : 0;
}

export function describe(r: IngestResult): string {
  if (r.status === 'duplicate') return `${r.file}: ${r.reason}`;
  const tables = Object.entries(r.tables).map(([t, n]) => `${t} ${n}`).join(', ');
  const line = `${r.file}: ${r.format} — read ${r.read} = stored ${r.stored} + rejected ${r.rejected}${tables ? ` (${tables})` : ''}`;
  return r.firstReject ? `${line}\n  first reject: ${where(r.firstReject)}${r.firstReject.reason} (all kept in the case's rejects table)` : line;
}

function where(r: Reject): string {
  return r.line !== undefined ? `line ${r.line}: ` : r.offset !== undefined ? `offset ${r.offset}: ` : '';
}

function parseMap(pairs: string[]): Record<string, string> | undefined {
  if (!pairs.length) return undefined;
  const map: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.lastIndexOf('=');
    if (eq <= 0 || eq === p.length - 1) throw new InputError(`--map ${p}: expected SOURCE_COLUMN=FIELD`);
    map[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return map;
}

/** The orgs directory and provider table go first so flows are classified against them. */
async function orgsFirst(paths: string[], format: string): Promise<string[]> {
  if (format !== 'auto') return paths;
  const rank = new Map<string, number>();
  for (const p of paths) {
    const f = await detectFormat(p).then((d: { format: string }) => d.format, () => null);
    rank.set(p, f === 'orgs' ? 0 : f === 'providers' ? 1 : 2);
  }
  return [...paths].sort((a, b) => rank.get(a)! - rank.get(b)!);
}
