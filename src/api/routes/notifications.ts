// Notifications workflow: draft → approved → sent → acknowledged → remediated, each step kept in the
// row's history and in the audit chain. Analysts approve and send; a victim's partner user (or the team)
// acknowledges and reports remediation for its own organisation.
import type { FastifyInstance } from 'fastify';
import { ALL, TEAM, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { ApiUser } from '../users.ts';
import { uuidv5 } from '../../core/ids.ts';
import { STEPS, WorkflowError, firstEntry, parseHistory, transition, type WorkflowAction as Action } from '../../sinks/notify/workflow.ts';
import { setNotificationStatus } from '../../sinks/notify/notifications-store.ts';

export { STEPS };
const PARTNER_ACTIONS: Action[] = ['acknowledge', 'remediate'];
const PARTNER_VISIBLE = ['sent', 'acknowledged', 'remediated'];

interface NotificationRow { id: string; org: string; tlp: string; status: string; package_path: string | null; history: string | null; updated_at: number }

export function notificationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/notifications', {
    config: { roles: ALL },
    schema: { summary: 'Victim notifications and their history', tags: ['victims'] },
  }, async (req) => {
    const user = actor(req);
    const rows = await ctx.store.query<NotificationRow>('SELECT * FROM notifications ORDER BY updated_at DESC, id');
    const mine = rows.filter((r) => user.role !== 'partner' || (r.org === user.org && PARTNER_VISIBLE.includes(r.status)));
    return { notifications: mine.map(present) };
  });

  app.post<{ Body: { org: string; tlp: string; note?: string } }>('/api/notifications', {
    config: { roles: TEAM },
    schema: {
      summary: 'Open a draft notification for a victim org', tags: ['victims'],
      body: { type: 'object', additionalProperties: false, required: ['org'], properties: {
        org: { type: 'string', minLength: 1, maxLength: 100 }, tlp: { type: 'string', enum: ['clear', 'green', 'amber', 'amber+strict', 'red'], default: 'amber' },
        note: { type: 'string', maxLength: 1000 } } },
    },
  }, async (req, reply) => {
    const user = actor(req);
    const { org, tlp, note } = req.body;
    const known = await ctx.store.query<{ n: number }>('SELECT count(*) AS n FROM orgs WHERE id = $org', { org });
    if (known[0].n === 0) throw new ApiError(400, `unknown org '${org}'; see GET /api/victims for the org ids`);
    const open = await ctx.store.query<{ id: string }>("SELECT id FROM notifications WHERE org = $org AND status <> 'remediated'", { org });
    if (open.length) throw new ApiError(409, `org '${org}' already has an open notification ${open[0].id}`);
    const now = Date.now() / 1000;
    const id = `notif-${uuidv5(`notification|${org}|${now}`).slice(0, 8)}`;
    const history = [firstEntry({ ts: now, actor: user.name, note })];
    await ctx.store.append('notifications', [{ id, org, tlp, status: 'draft', package_path: null, history: JSON.stringify(history), updated_at: now }]);
    ctx.audit(user, 'notification.create', id, { org, tlp });
    return reply.code(201).send(present((await fetchOne(ctx, id))!));
  });

  app.post<{ Params: { id: string; action: Action }; Body: { note?: string } | undefined }>('/api/notifications/:id/:action', {
    config: { roles: ALL },
    schema: {
      summary: 'Move a notification one step: approve, send, acknowledge, remediate', tags: ['victims'],
      params: { type: 'object', required: ['id', 'action'], properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,100}$' }, action: { type: 'string', enum: Object.keys(STEPS) } } },
      body: { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 1000 } } },
    },
  }, async (req) => {
    const user = actor(req);
    const { id, action } = req.params;
    const row = await fetchOne(ctx, id);
    if (!row) throw new ApiError(404, `no notification '${id}'`);
    authorize(user, row, action);
    const now = Date.now() / 1000;
    let step;
    try {
      step = transition({ id, status: row.status, history: parseHistory(row.history) }, action, { ts: now, actor: user.name, note: req.body?.note });
    } catch (e) {
      if (e instanceof WorkflowError) throw new ApiError(409, e.message);
      throw e;
    }
    const { from, status: to, history } = step;
    await setNotificationStatus(ctx.store, { id, from, to, history, now });
    ctx.audit(user, `notification.${action}`, id, { org: row.org, from, to });
    return present((await fetchOne(ctx, id))!);
  });
}

function authorize(user: ApiUser, row: NotificationRow, action: Action): void {
  if (user.role !== 'partner') return;
  if (row.org !== user.org || !PARTNER_VISIBLE.includes(row.status)) throw new ApiError(404, `no notification '${row.id}'`);
  if (!PARTNER_ACTIONS.includes(action)) throw new ApiError(403, `role 'partner' may only ${PARTNER_ACTIONS.join(' or ')} its own notifications`);
}

async function fetchOne(ctx: ApiContext, id: string): Promise<NotificationRow | null> {
  return (await ctx.store.query<NotificationRow>('SELECT * FROM notifications WHERE id = $id', { id }))[0] ?? null;
}

function present(r: NotificationRow) {
  return { id: r.id, org: r.org, tlp: r.tlp, status: r.status, package_path: r.package_path, updated_at: r.updated_at, history: parseHistory(r.history) };
}
