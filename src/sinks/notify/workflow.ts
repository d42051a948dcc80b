// The victim-notification state machine, shared by `hoptrace notify` and the HTTP API:
// draft → approved → sent → acknowledged → remediated. Each step appends a history entry (who, when, from,
// to, note); anything else is refused with an error that names the current and the needed state.
export const STATES = ['draft', 'approved', 'sent', 'acknowledged', 'remediated'] as const;
export type NotificationStatus = (typeof STATES)[number];

export const STEPS = {
  approve: ['draft', 'approved'], send: ['approved', 'sent'], acknowledge: ['sent', 'acknowledged'], remediate: ['acknowledged', 'remediated'],
} as const;
export type WorkflowAction = keyof typeof STEPS;

export interface HistoryEntry { ts: number; actor: string; from: NotificationStatus | null; to: NotificationStatus; note: string | null }

export class WorkflowError extends Error {
  constructor(message: string, readonly code: 'unknown-action' | 'wrong-state') { super(message); this.name = 'WorkflowError'; }
}

export function isAction(a: string): a is WorkflowAction {
  return Object.hasOwn(STEPS, a);
}

/** The next status and history after `action`, or a WorkflowError when the step is not allowed now. */
export function transition(current: { id: string; status: string; history: HistoryEntry[] }, action: string, by: { actor: string; ts: number; note?: string | null }):
  { status: NotificationStatus; history: HistoryEntry[]; from: NotificationStatus } {
  if (!isAction(action)) throw new WorkflowError(`unknown action '${action}' (known: ${Object.keys(STEPS).join(', ')})`, 'unknown-action');
  const [from, to] = STEPS[action];
  if (current.status !== from) {
    const next = nextActions(current.status);
    throw new WorkflowError(`cannot ${action} notification ${current.id}: it is '${current.status}', needs '${from}'`
      + (next.length ? ` (possible now: ${next.join(', ')})` : ' (it is finished)'), 'wrong-state');
  }
  return { from, status: to, history: [...current.history, { ts: by.ts, actor: by.actor, from, to, note: by.note ?? null }] };
}

export function firstEntry(by: { actor: string; ts: number; note?: string | null }): HistoryEntry {
  return { ts: by.ts, actor: by.actor, from: null, to: 'draft', note: by.note ?? null };
}

export function nextActions(status: string): WorkflowAction[] {
  return (Object.keys(STEPS) as WorkflowAction[]).filter((a) => STEPS[a][0] === status);
}

export function parseHistory(h: unknown): HistoryEntry[] {
  if (Array.isArray(h)) return h as HistoryEntry[];
  if (typeof h !== 'string' || h === '') return [];
  try { const v = JSON.parse(h); return Array.isArray(v) ? v : []; } catch { return []; }
}
