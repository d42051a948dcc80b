// Rows of the `notifications` table: open a draft per victim, move one through the shared workflow.
import { uuidv5 } from '../../core/ids.ts';
import type { Tlp } from '../../core/types.ts';
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { firstEntry, parseHistory, transition, type HistoryEntry } from './workflow.ts';

export interface NotificationRow { id: string; org: string; tlp: string; status: string; package_path: string | null; history: HistoryEntry[]; updated_at: number }

type RawRow = Omit<NotificationRow, 'history'> & { history: unknown };
const present = (r: RawRow): NotificationRow => ({ ...r, history: parseHistory(r.history) });

export async function listNotifications(store: Store, org?: string): Promise<NotificationRow[]> {
  const rows = await store.query<RawRow>('SELECT * FROM notifications ORDER BY org, updated_at, id');
  return rows.map(present).filter((r) => !org || r.org === org);
}

export async function getNotification(store: Store, id: string): Promise<NotificationRow> {
  const row = (await store.query<RawRow>('SELECT * FROM notifications WHERE id = $id', { id }))[0];
  if (!row) throw new Error(`no notification '${id}' (list them with 'hoptrace notify list --case DIR')`);
  return present(row);
}

/** The org's open notification (not yet remediated), or a new draft; a draft's package and TLP are refreshed. */
export async function upsertDraft(store: Store, o: { org: string; tlp: Tlp; packagePath: string; actor: string; now: number }):
  Promise<{ row: NotificationRow; created: boolean; refreshed: boolean }> {
  const mine = await listNotifications(store, o.org);
  const open = mine.find((r) => r.status !== 'remediated');
  if (open) {
    if (open.status !== 'draft') return { row: open, created: false, refreshed: false };
    await store.mutate('notifications', sqlFile(import.meta.url, 'refresh-draft'), { tlp: o.tlp, path: o.packagePath, now: o.now, id: open.id });
    return { row: { ...open, tlp: o.tlp, package_path: o.packagePath, updated_at: o.now }, created: false, refreshed: true };
  }
  const id = `notif-${uuidv5(`notification|${o.org}|${mine.length}`).slice(0, 8)}`;
  const history = [firstEntry({ actor: o.actor, ts: o.now, note: 'package written by hoptrace notify' })];
  await store.append('notifications', [{ id, org: o.org, tlp: o.tlp, status: 'draft', package_path: o.packagePath, history: JSON.stringify(history), updated_at: o.now }]);
  return { row: { id, org: o.org, tlp: o.tlp, status: 'draft', package_path: o.packagePath, history, updated_at: o.now }, created: true, refreshed: false };
}

/** Moves a notification from `from` to `to` (no change when it is no longer in `from`). */
export async function setNotificationStatus(store: Store, s: { id: string; from: string; to: string; history: HistoryEntry[]; now: number }): Promise<void> {
  await store.mutate('notifications', sqlFile(import.meta.url, 'set-status'),
    { to: s.to, history: JSON.stringify(s.history), now: s.now, id: s.id, from: s.from });
}

export async function advance(store: Store, id: string, action: string, by: { actor: string; ts: number; note?: string | null }): Promise<NotificationRow> {
  const row = await getNotification(store, id);
  const step = transition(row, action, by);
  await setNotificationStatus(store, { id, from: step.from, to: step.status, history: step.history, now: by.ts });
  return { ...row, status: step.status, history: step.history, updated_at: by.ts };
}
