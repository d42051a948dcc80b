import { describe, expect, it } from 'vitest';
import { STATES, transition, WorkflowError, firstEntry, nextActions } from './workflow.ts';

const by = (actor: string, ts: number) => ({ actor, ts });

describe('notification workflow', () => {
  it('walks draft → approved → sent → acknowledged → remediated, one history entry per step', () => {
    let n = { id: 'n1', status: 'draft' as string, history: [firstEntry(by('ana', 1))] };
    for (const [i, action] of ['approve', 'send', 'acknowledge', 'remediate'].entries()) {
      const r = transition(n, action, by(`user${i}`, 10 + i));
      expect(r.from).toBe(STATES[i]);
      n = { ...n, status: r.status, history: r.history };
    }
    expect(n.status).toBe('remediated');
    expect(n.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'draft', 'ana'], ['draft', 'approved', 'user0'], ['approved', 'sent', 'user1'], ['sent', 'acknowledged', 'user2'], ['acknowledged', 'remediated', 'user3']]);
  });

  it.each([
    ['draft', 'send', /cannot send notification n1: it is 'draft', needs 'approved' \(possible now: approve\)/],
    ['approved', 'approve', /needs 'draft' \(possible now: send\)/],
    ['remediated', 'acknowledge', /it is finished/],
    ['draft', 'delete', /unknown action 'delete'/],
  ])('refuses %s --%s--> with a clear error', (status, action, msg) => {
    expect(() => transition({ id: 'n1', status, history: [] }, action, by('x', 1))).toThrow(msg);
    expect(() => transition({ id: 'n1', status, history: [] }, action, by('x', 1))).toThrow(WorkflowError);
  });

  it('lists the possible next steps', () => {
    expect(nextActions('sent')).toEqual(['acknowledge']);
    expect(nextActions('remediated')).toEqual([]);
  });
});
