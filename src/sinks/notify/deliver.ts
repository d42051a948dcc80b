// Delivery of an approved notification: the .eml is always written into the package; with SMTP configured it
// is also sent and the notification moves to 'sent'. Without SMTP it stays 'approved' unless the operator
// says it went out by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../store/store.ts';
import { buildEml } from './eml.ts';
import { advance, getNotification, type NotificationRow } from './notifications-store.ts';
import { PACKAGE_FILES } from './package.ts';
import type { NoticeData } from './notice-data.ts';
import { sendEml, type SmtpConfig } from './smtp.ts';
import { WorkflowError } from './workflow.ts';

export interface DeliverOptions { smtp: SmtpConfig | null; from: string; actor: string; now: number; byHand?: boolean }
export interface DeliverResult { notification: NotificationRow; eml: string; to: string[]; sent: boolean; response: string | null }

export async function deliver(store: Store, id: string, o: DeliverOptions): Promise<DeliverResult> {
  const row = await getNotification(store, id);
  if (row.status !== 'approved') throw new WorkflowError(`cannot send notification ${id}: it is '${row.status}', needs 'approved' (approve it first)`, 'wrong-state');
  if (!row.package_path) throw new Error(`notification ${id} has no package; run 'hoptrace notify --case DIR --org ${row.org}' first`);
  const dir = row.package_path;
  const notice = JSON.parse(readFileSync(join(dir, 'notice.json'), 'utf8')) as NoticeData;
  const to = await recipients(store, row.org);
  const eml = buildEml({
    from: o.smtp?.from ?? o.from, to, date: o.now,
    subject: `[TLP:${row.tlp.toUpperCase()}] Security notice for ${notice.org.name}: ${notice.severity} — attacker servers touched your network`,
    text: readFileSync(join(dir, PACKAGE_FILES.md), 'utf8'), html: readFileSync(join(dir, PACKAGE_FILES.html), 'utf8'),
    attachments: [{ filename: PACKAGE_FILES.stix, contentType: 'application/stix+json;version=2.1', content: readFileSync(join(dir, PACKAGE_FILES.stix), 'utf8') }],
  });
  const emlPath = join(dir, PACKAGE_FILES.eml);
  writeFileSync(emlPath, eml);
  let response: string | null = null;
  if (o.smtp) response = (await sendEml(o.smtp, eml, to)).response;
  if (!o.smtp && !o.byHand) return { notification: row, eml: emlPath, to, sent: false, response };
  const note = o.smtp ? `sent over SMTP ${o.smtp.host}:${o.smtp.port} to ${to.join(', ')} (${response})` : `delivered by hand (${emlPath})`;
  const next = await advance(store, id, 'send', { actor: o.actor, ts: o.now, note });
  return { notification: next, eml: emlPath, to, sent: true, response };
}

async function recipients(store: Store, org: string): Promise<string[]> {
  const rows = await store.query<{ contacts: unknown }>('SELECT contacts FROM orgs WHERE id = $org', { org });
  const all = rows.flatMap((r) => (typeof r.contacts === 'string' ? JSON.parse(r.contacts) : Array.isArray(r.contacts) ? r.contacts : []) as string[]);
  const emails = [...new Set(all.filter((c) => /^[^@\s]+@[^@\s]+$/.test(c)))];
  if (emails.length === 0) throw new Error(`org '${org}' has no e-mail contact in the orgs table: add one to its 'contacts' and re-ingest`);
  return emails;
}
