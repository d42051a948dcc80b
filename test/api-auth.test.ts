// Every route refuses a missing or wrong token (401) and a wrong role (403); bad input gets 4xx, never 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionId } from '../src/api/taxii/collections.ts';
import { startApi, type ApiHarness } from './api-helpers.ts';

let h: ApiHarness;
let routes: Array<{ method: string; path: string; roles: string[]; url: string; query: string[] }>;

const SAMPLE: Record<string, string> = { id: 'notif-univ-a', action: 'approve', format: 'stix' };
const REQUIRED_QUERY: Record<string, string> = { '/api/graph/expand': '?node=org|univ-a' };

beforeAll(async () => {
  h = await startApi();
  const doc = (await h.call('GET', '/api/openapi.json')).json();
  routes = [];
  for (const [path, ops] of Object.entries<Record<string, { description: string; parameters: Array<{ name: string; in: string }> }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (path === '/api/openapi.json' || path === '/api/health') continue; // public on purpose
      const roles = /Roles: ([a-z, ]+)\./.exec(op.description)?.[1].split(', ') ?? [];
      const url = path.replace(/\{(\w+)\}/g, (_, p) => (path.startsWith('/taxii2') && p === 'id' ? collectionId('tlp|green') : SAMPLE[p] ?? 'x')) + (REQUIRED_QUERY[path] ?? '');
      routes.push({ method: method.toUpperCase(), path, roles, url, query: op.parameters.filter((p) => p.in === 'query').map((p) => p.name) });
    }
  }
});
afterAll(() => h.close());

describe('authentication and roles', () => {
  it('documents every route with its roles', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) expect(r.roles.length, `${r.method} ${r.path}`).toBeGreaterThan(0);
  });

  it('refuses every route without a token or with a wrong one (401)', async () => {
    for (const r of routes) {
      const none = await h.call(r.method, r.url, null);
      expect(none.statusCode, `${r.method} ${r.url} without token`).toBe(401);
      expect(none.headers['www-authenticate']).toBeTruthy();
      const wrong = await h.call(r.method, r.url, 'ht_not-a-real-token-at-all');
      expect(wrong.statusCode, `${r.method} ${r.url} wrong token`).toBe(401);
    }
  });

  it('refuses every route to a role it does not allow (403)', async () => {
    let checked = 0;
    for (const r of routes) {
      for (const role of ['admin', 'analyst', 'partner'] as const) {
        if (r.roles.includes(role)) continue;
        const res = await h.call(r.method, r.url, h.fx.tokens[role], r.method === 'POST' ? {} : undefined);
        expect(res.statusCode, `${r.method} ${r.url} as ${role}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('lets an allowed role in', async () => {
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const role = r.roles.includes('analyst') ? 'analyst' : r.roles[0] as 'admin';
      const res = await h.call('GET', r.url, h.fx.tokens[role]);
      expect(res.statusCode, `${r.url} as ${role}: ${res.body.slice(0, 200)}`).toBe(200);
    }
  });

  it('sends security headers; the UI gets a same-origin content security policy', async () => {
    const ui = await h.call('GET', '/');
    expect(ui.headers['content-security-policy']).toContain("default-src 'self'");
    const api = await h.call('GET', '/api/me', h.fx.tokens.analyst);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['server-timing']).toMatch(/^app;dur=/);
  });

  it('answers the liveness check without a token and says nothing about the case', async () => {
    const res = await h.call('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('keeps the OpenAPI document public and valid-looking', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/notifications/{id}/{action}'].post.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'action']);
  });
});

describe('bad input gets a clear 4xx, never a 5xx', () => {
  const cases: Array<[string, string, unknown?, number?]> = [
    ['GET', '/api/findings?limit=abc', undefined, 400],
    ['GET', '/api/findings?limit=100000', undefined, 400],
    ['GET', '/api/findings?analyzer=%27%3B%20DROP%20TABLE%20findings', undefined, 400],
    ['GET', '/api/findings?unknown=1', undefined, 400],
    ['GET', '/api/indicators?type=nope', undefined, 400],
    ['GET', '/api/graph/expand', undefined, 400],
    ['GET', '/api/graph/expand?node=bogus', undefined, 400],
    ['GET', '/api/graph/expand?node=ip|203.0.113.10&limit=100000', undefined, 400],
    ['GET', '/api/graph/expand?node=ip|203.0.113.10&types=ip,foo', undefined, 400],
    ['GET', `/api/graph/expand?node=ip|${'9'.repeat(290)}`, undefined, 200],
    ['POST', '/api/notifications', '{"org": ', 400],
    ['POST', '/api/notifications', { org: 'univ-a', extra: 1 }, 400],
    ['POST', '/api/notifications', { org: 'nobody' }, 400],
    ['POST', '/api/notifications', { org: 'univ-a' }, 409],
    ['POST', '/api/notifications', JSON.stringify({ org: 'x'.repeat(70_000) }), 413],
    ['POST', '/api/notifications/notif-univ-a/explode', {}, 400],
    ['POST', '/api/notifications/no-such/approve', {}, 404],
    ['POST', '/api/notifications/notif-aero-c/approve', {}, 409],
    ['POST', '/api/exports/xml', {}, 400],
    ['POST', '/api/exports/misp', {}, 200],
    ['POST', '/api/exports/stix', { tlp: 'purple' }, 400],
    ['POST', '/api/users', { name: 'x y', role: 'admin' }, 400],
    ['POST', '/api/users', { name: 'eve', role: 'partner' }, 400],
    ['GET', '/api/nope', undefined, 404],
  ];
  it.each(cases)('%s %s → %s', async (method, url, body, want) => {
    const res = await h.call(method, url, h.fx.tokens.admin, body);
    expect(res.statusCode, res.body).toBe(want);
    if (want! >= 400) expect(res.json().message).toMatch(/\w{4,}/);
  });

  it('survives garbage in every query parameter of every GET route', async () => {
    const junk = ['-1', '1e309', '%00', '[]', '{"a":1}', 'NaN', 'ä'.repeat(500)];
    let sent = 0;
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const sep = r.url.includes('?') ? '&' : '?';
      await Promise.all([...r.query, 'bogus'].flatMap((p) => junk.map(async (j) => {
        const res = await h.call('GET', `${r.url}${sep}${p}=${encodeURIComponent(j)}`, h.fx.tokens.admin);
        expect(res.statusCode, `${r.url} ${p}=${j}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        sent++;
      })));
    }
    expect(sent).toBeGreaterThan(150);
  });
});
