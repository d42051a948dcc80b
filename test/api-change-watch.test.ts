// The overview (and every cached view) is served from the cache, yet follows the case: findings written by
// an analyzer outside the API, or a notification stepped by the CLI, show at the next change check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeWatch } from '../src/api/change-watch.ts';
import { buildServer } from '../src/api/server.ts';
import { findingId } from '../src/core/ids.ts';
import { ATTACK, buildCase, T0, type FixtureCase } from './fixtures/build-case.ts';

let dir: string;
let fx: FixtureCase;
let app: FastifyInstance;
let changes: ChangeWatch;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoptrace-watch-'));
  fx = await buildCase(join(dir, 'case'));
  ({ app, changes } = await buildServer(fx.kase, { changeWatchMs: 0 })); // checks driven by the test
  await app.ready();
});
afterAll(async () => { await app.close(); await fx.kase.close(); rmSync(dir, { recursive: true, force: true }); });

const overview = async () => {
  const res = await app.inject({ method: 'GET', url: '/api/overview', headers: { authorization: `Bearer ${fx.tokens.analyst}` } });
  expect(res.statusCode).toBe(200);
  return res.json() as { counts: { visible_findings: number }; findings_by_analyzer: Record<string, number>; notifications: Record<string, number>; generated_at: number };
};

describe('cached views follow the case', () => {
  it('serves the overview from the cache until the case changes, then recomputes it', async () => {
    expect(await changes.check()).toBe(false); // the first check only records the stamp
    const before = await overview();
    expect(before.findings_by_analyzer.probe).toBeUndefined();

    await fx.kase.store.replaceFindings('probe', [{
      id: findingId('probe', 'endpoint', ATTACK.exfil), analyzer: 'probe', kind: 'endpoint', subject: ATTACK.exfil, score: 0.9, confidence: 0.9,
      first_seen: T0, last_seen: T0 + 60, tlp: 'green', details: {}, evidence_ids: [] }], 'probe-run-1');
    expect((await overview()).generated_at).toBe(before.generated_at); // still the cached body

    expect(await changes.check()).toBe(true);
    const after = await overview();
    expect(after.findings_by_analyzer.probe).toBe(1);
    expect(after.counts.visible_findings).toBe(before.counts.visible_findings + 1);
    expect(await changes.check()).toBe(false);
  });

  it('sees an analyzer re-run with the same number of findings (a new run id)', async () => {
    await changes.check();
    await fx.kase.store.replaceFindings('probe', [{
      id: findingId('probe', 'endpoint', ATTACK.c2), analyzer: 'probe', kind: 'endpoint', subject: ATTACK.c2, score: 0.8, confidence: 0.8,
      first_seen: T0, last_seen: T0 + 60, tlp: 'green', details: {}, evidence_ids: [] }], 'probe-run-2');
    expect(await changes.check()).toBe(true);
  });

  it('sees a notification stepped outside the API', async () => {
    await changes.check();
    const before = await overview();
    await fx.kase.store.exec("UPDATE notifications SET status = 'acknowledged', updated_at = updated_at + 1 WHERE status = 'sent'");
    expect(await changes.check()).toBe(true);
    const after = await overview();
    expect(after.notifications.acknowledged ?? 0).toBeGreaterThan(before.notifications.acknowledged ?? 0);
  });
});
