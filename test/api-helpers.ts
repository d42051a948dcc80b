// Shared setup for API tests: a fixture case in a temp dir and an in-process server (no socket needed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../src/api/server.ts';
import { buildCase, type FixtureCase } from './fixtures/build-case.ts';

export interface ApiHarness { fx: FixtureCase; app: FastifyInstance; call: (method: string, url: string, token?: string | null, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>; close: () => Promise<void> }

export async function startApi(opts: { webDist?: string } = {}): Promise<ApiHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'hoptrace-api-'));
  const fx = await buildCase(join(dir, 'case'));
  const { app } = await buildServer(fx.kase, { webDist: opts.webDist, cacheTtlMs: 0, changeWatchMs: 0 });
  await app.ready();
  const call: ApiHarness['call'] = (method, url, token, body, headers = {}) => app.inject({
    method: method as 'GET', url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body !== undefined ? (typeof body === 'string' ? { payload: body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } } : { payload: body as object }) : {}),
  });
  return {
    fx, app, call,
    close: async () => { await app.close(); await fx.kase.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
