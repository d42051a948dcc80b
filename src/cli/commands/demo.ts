// hoptrace demo [--seed N] [--victims N] [--days N] [--case DIR] [--port P] [--no-serve]
// simulate → ingest → analyze → reports → serve the UI, printing where everything is.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { createUser } from '../../api/users.ts';
import { DEFAULTS, validateOptions, type SimOptions } from '../../sim/config.ts';
import { simulate } from '../../sim/simulate.ts';
import { openCase } from '../case.ts';
import { engineOptions, type EngineCliOptions } from '../engine-options.ts';
import { runPipeline } from '../pipeline.ts';
import { REPORTS } from '../reports.ts';
import { notifyCase } from '../../sinks/notify/notify-case.ts';
import { serveCase } from './serve.ts';

interface Opts extends EngineCliOptions { seed: string; victims: string; days: string; case: string; port: string; serve: boolean; quiet?: boolean }

const MARKER = 'demo.json';

export function register(program: Command): void {
  const cmd = program.command('demo')
    .description('simulate a campaign, ingest and analyze it, write the reports and serve the UI')
    .option('--seed <n>', 'world seed', '1')
    .option('--victims <n>', 'victim organisations', String(DEFAULTS.victims))
    .option('--days <n>', 'observed days', '14')
    .option('--case <dir>', 'case directory (a previous demo case there is replaced)', 'hoptrace-demo')
    .option('--port <n>', 'port for the UI (0 = any free port)', '8470')
    .option('--no-serve', 'stop after writing the reports')
    .option('--quiet', 'less progress output');
  engineOptions(cmd);
  cmd.action(async (o: Opts) => {
    const caseDir = resolve(o.case);
    prepareCaseDir(caseDir);
    mkdirSync(caseDir, { recursive: true });
    writeFileSync(join(caseDir, MARKER), `${JSON.stringify({ seed: Number(o.seed), victims: Number(o.victims), days: Number(o.days) }, null, 2)}\n`);
    const log = (m: string) => { if (!o.quiet) process.stderr.write(`${m}\n`); };
    const sim: SimOptions = { ...DEFAULTS, seed: Number(o.seed), victims: Number(o.victims), days: Number(o.days), out: join(caseDir, 'sim') };
    const bad = validateOptions(sim);
    if (bad) throw new InputError(bad);
    const t0 = performance.now();
    log(`simulating seed ${sim.seed}: ${sim.victims} victims, ${sim.days} days → ${sim.out}`);
    const world = simulate(sim);
    log(`  ${world.flows.toLocaleString('en')} flows, ${world.packets.toLocaleString('en')} relay packets, ${world.manifest.files.length} files`);
    const run = await runPipeline({ caseDir, simDir: sim.out, quiet: !!o.quiet, engine: { engine: o.engine, clickhouseUrl: o.clickhouseUrl } });
    const kase = await openCase(caseDir);
    const reportDir = join(caseDir, 'reports');
    const written: string[] = [];
    try {
      for (const [name, write] of Object.entries(REPORTS)) {
        log(`writing ${name} report`);
        written.push(...await write(kase, reportDir));
      }
      log('writing victim notification packages');
      const packages = await notifyCase(kase.store, { caseDir, actor: 'demo' });
      for (const p of packages) kase.audit.record('demo', 'notify.package', p.notification.id, { org: p.org, dir: p.dir, tlp: p.tlp });
      const { token } = await createUser(kase.store, { name: `demo-admin-${Date.now().toString(36)}`, role: 'admin' });
      const rows = run.ingest.reduce((a, r) => a + r.stored, 0);
      const findings = run.analyzers.reduce((a, r) => a + r.findings, 0);
      const secs = (performance.now() - t0) / 1000;
      process.stdout.write(`\nhoptrace demo done in ${secs.toFixed(1)} s (ingest ${run.seconds.ingest.toFixed(1)} s, analyze ${run.seconds.analyze.toFixed(1)} s)\n`);
      process.stdout.write(`  case:      ${caseDir} (${rows.toLocaleString('en')} rows from ${run.ingest.length} files; ${findings} findings)\n`);
      process.stdout.write(`  evidence:  ${join(sim.out)} (ground truth: ${join(sim.out, 'ground-truth.json')})\n`);
      for (const r of run.analyzers) process.stdout.write(`  analyzer   ${r.id.padEnd(14)} ${String(r.findings).padStart(6)} findings  ${r.seconds.toFixed(2)} s\n`);
      process.stdout.write(`  notices:   ${join(caseDir, 'notifications')} (${packages.length} victim packages: notice.html, notice.md, indicators.stix.json)\n`);
      process.stdout.write(`  reports:\n${written.filter((f) => f.endsWith('.html')).map((f) => `    ${f}`).join('\n')}\n`);
      process.stdout.write(`  sign-in token (admin, shown once): ${token}\n`);
    } finally {
      await kase.close();
    }
    if (o.serve) await serveCase({ case: caseDir, port: Number(o.port), host: '127.0.0.1', ui: true });
  });
}

/** Refuses to overwrite a directory that is not an earlier demo case. */
function prepareCaseDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (existsSync(join(dir, MARKER)) || readdirSync(dir).length === 0) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  throw new InputError(`${dir} exists and is not an earlier demo case; choose another --case`);
}
