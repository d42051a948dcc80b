// hoptrace resolve FILE.csv --id COL --field COL:KIND ... [--link FILE2.csv] --json
import type { Command } from 'commander';
import { resolveFiles } from '../../analyzers/identities/resolve-files.ts';

interface Opts { id: string; field: string[]; link?: string; json?: boolean; threshold?: number; cohesion?: number; maxBlock?: number; verbose?: boolean }

export function register(program: Command): void {
  program.command('resolve')
    .description('record linkage over person records: one CSV (dedupe) or two (--link)')
    .argument('<file>', 'CSV with a header row')
    .requiredOption('--id <col>', 'column holding each record\'s id')
    .option('--field <col:kind...>', 'field to compare; kind: name given surname text address date phone email exact ip postcode', [])
    .option('--link <file2>', 'second CSV: link records across the two files')
    .option('--threshold <p>', 'match probability a link needs', Number, 0.9)
    .option('--cohesion <p>', 'mean probability across two groups needed to merge them', Number, 0.5)
    .option('--max-block <n>', 'largest block compared pairwise', Number, 1000)
    .option('--verbose', 'also print the trained model and blocking figures to stderr')
    .option('--json', 'JSON output (DESIGN §5)')
    .action(async (file: string, o: Opts) => {
      const out = await resolveFiles({
        files: o.link ? [file, o.link] : [file], id: o.id, fields: o.field, threshold: o.threshold, cohesion: o.cohesion, maxBlock: o.maxBlock,
      });
      if (o.verbose) process.stderr.write(`${JSON.stringify(out.summary, null, 1)}\n`);
      if (o.json) { process.stdout.write(`${JSON.stringify(out.json)}\n`); return; }
      process.stdout.write(`${out.json.records} records, ${out.json.clusters.length} clusters\n`);
      for (const c of out.json.clusters) {
        const why = c.explanation.filter((e) => e.weight > 0).map((e) => `${e.field} ${e.agreement} (+${e.weight})`).join(', ');
        process.stdout.write(`${c.score.toFixed(3)}  ${c.ids.join(' ')}  — ${why}\n`);
      }
    });
}
