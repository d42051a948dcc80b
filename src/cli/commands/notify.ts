// hoptrace notify [build|list|approve|send|acknowledge|remediate] --case DIR [--org ORG] [--id ID] [--out DIR] …
// build (default): a package per victim (notice.html, notice.md, indicators.stix.json) and a draft notification.
// The other actions move one notification through draft → approved → sent → acknowledged → remediated.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { parseTlpFlag } from '../../sinks/export/tlp.ts';
import { deliver } from '../../sinks/notify/deliver.ts';
import { notifyCase } from '../../sinks/notify/notify-case.ts';
import { advance, listNotifications } from '../../sinks/notify/notifications-store.ts';
import { isAction, WorkflowError } from '../../sinks/notify/workflow.ts';
import { openCase, type Case } from '../case.ts';

interface Opts { case: string; org?: string; id?: string; out?: string; tlp: string; by: string; note?: string; smtpHost?: string; smtpPort?: string; smtpFrom?: string; byHand?: boolean }

export function register(program: Command): void {
  program.command('notify')
    .description('victim notifications: build packages (default), list, approve, send, acknowledge, remediate')
    .argument('[action]', 'build | list | approve | send | acknowledge | remediate', 'build')
    .requiredOption('--case <dir>', 'case directory')
    .option('--org <org>', 'only this victim org (build/list)')
    .option('--id <id>', 'notification id (approve/send/acknowledge/remediate)')
    .option('--out <dir>', 'where packages go (default CASE/notifications)')
    .option('--tlp <level>', 'most restrictive TLP a package may carry', 'amber')
    .option('--by <name>', 'who performs the step (kept in the history)', process.env.USER ?? 'cli')
    .option('--note <text>', 'note kept with the step')
    .option('--smtp-host <host>', 'SMTP relay (overrides case.json notify.smtp.host)')
    .option('--smtp-port <port>', 'SMTP port', undefined)
    .option('--smtp-from <addr>', 'sender address')
    .option('--by-hand', 'send: no SMTP; mark sent once the written .eml has been delivered by hand')
    .action(async (action: string, o: Opts) => {
      const kase = await openCase(o.case);
      try {
        if (action === 'build') await build(kase, o);
        else if (action === 'list') await list(kase, o);
        else if (action === 'send') await send(kase, o);
        else if (isAction(action)) await step(kase, action, o);
        else throw new InputError(`unknown notify action '${action}' (build, list, approve, send, acknowledge, remediate)`);
      } catch (e) {
        if (e instanceof WorkflowError) throw new InputError(e.message);
        throw e;
      } finally {
        await kase.close();
      }
    });
}

async function build(kase: Case, o: Opts): Promise<void> {
  const cfg = kase.config.notify;
  let maxTlp;
  try { maxTlp = parseTlpFlag(o.tlp); } catch (e) { throw new InputError(`--tlp: ${(e as Error).message}`); }
  const done = await notifyCase(kase.store, { caseDir: kase.dir, outDir: o.out ? resolve(o.out) : undefined, org: o.org, maxTlp,
    producer: cfg?.producer, contact: cfg?.contact, actor: o.by });
  for (const p of done) {
    kase.audit.record(o.by, 'notify.package', p.notification.id, { org: p.org, dir: p.dir, tlp: p.tlp, status: p.notification.status });
    const state = p.created ? 'new draft' : p.refreshed ? 'draft refreshed' : `already ${p.notification.status}: package rewritten, workflow unchanged`;
    process.stdout.write(`${p.notification.id}  ${p.org.padEnd(12)} ${p.notice.severity.padEnd(8)} TLP:${p.tlp.toUpperCase().padEnd(12)} ${state}  ${p.dir}\n`);
  }
  if (done.length === 0) process.stdout.write('no victim-impact findings: nothing to notify (run hoptrace analyze first)\n');
  const current = new Set(done.map((p) => p.org));
  const stale = (await listNotifications(kase.store, o.org)).filter((r) => r.status === 'draft' && !current.has(r.org));
  for (const r of stale) process.stdout.write(`${r.id}  ${r.org.padEnd(12)} draft for an org with no victim-impact finding any more (re-analysis): do not approve; review ${r.package_path ?? ''}\n`);
}

async function list(kase: Case, o: Opts): Promise<void> {
  for (const r of await listNotifications(kase.store, o.org)) {
    const last = r.history[r.history.length - 1];
    process.stdout.write(`${r.id}  ${r.org.padEnd(12)} ${r.status.padEnd(12)} TLP:${r.tlp.toUpperCase().padEnd(12)} last: ${last ? `${last.actor} at ${new Date(last.ts * 1000).toISOString()}` : '-'}\n`);
  }
}

async function step(kase: Case, action: string, o: Opts): Promise<void> {
  if (!o.id) throw new InputError(`notify ${action} needs --id (see 'hoptrace notify list --case ${o.case}')`);
  const r = await advance(kase.store, o.id, action, { actor: o.by, ts: Date.now() / 1000, note: o.note });
  kase.audit.record(o.by, `notify.${action}`, r.id, { org: r.org, status: r.status });
  process.stdout.write(`${r.id}: ${r.status}\n`);
}

async function send(kase: Case, o: Opts): Promise<void> {
  if (!o.id) throw new InputError(`notify send needs --id (see 'hoptrace notify list --case ${o.case}')`);
  const cfg = kase.config.notify;
  const host = o.smtpHost ?? cfg?.smtp?.host;
  const from = o.smtpFrom ?? cfg?.smtp?.from ?? cfg?.from ?? 'hoptrace@localhost';
  const smtp = host ? { host, port: Number(o.smtpPort ?? cfg?.smtp?.port ?? 25), from, secure: cfg?.smtp?.secure, user: cfg?.smtp?.user, pass: cfg?.smtp?.pass } : null;
  const r = await deliver(kase.store, o.id, { smtp, from, actor: o.by, now: Date.now() / 1000, byHand: o.byHand });
  kase.audit.record(o.by, 'notify.send', o.id, { to: r.to, eml: r.eml, sent: r.sent, smtp: smtp ? `${smtp.host}:${smtp.port}` : null });
  process.stdout.write(r.sent ? `${o.id}: sent to ${r.to.join(', ')}; message kept in ${r.eml}\n`
    : `${o.id}: no SMTP configured — message written to ${r.eml}; deliver it, then run 'notify send --id ${o.id} --by-hand'\n`);
}
