// A TAXII 2.1 client walk: discovery → API root → collections → objects with pagination, per role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP_MARKING } from '../src/api/stix.ts';
import { ATTACK } from './fixtures/build-case.ts';
import { startApi, type ApiHarness } from './api-helpers.ts';

const MEDIA = 'application/taxii+json;version=2.1';
let h: ApiHarness;
beforeAll(async () => { h = await startApi(); });
afterAll(() => h.close());

function get(url: string, token: string, basic = false, accept = MEDIA) {
  const authorization = basic ? `Basic ${Buffer.from(`anyone:${token}`).toString('base64')}` : `Bearer ${token}`;
  return h.app.inject({ method: 'GET', url, headers: { authorization, accept } });
}

async function walk(token: string, pageSize: number) {
  const discovery = await get('/taxii2/', token, true);
  expect(discovery.statusCode).toBe(200);
  expect(discovery.headers['content-type']).toBe(MEDIA);
  const root = new URL(discovery.json().default).pathname;
  const apiRoot = (await get(root, token)).json();
  expect(apiRoot.versions).toEqual([MEDIA]);
  const collections = (await get(`${root}collections/`, token)).json().collections as Array<{ id: string; title: string; can_read: boolean }>;
  const byTitle: Record<string, Array<Record<string, any>>> = {};
  for (const c of collections) {
    expect(c.can_read).toBe(true);
    const objects: Array<Record<string, any>> = [];
    let url = `${root}collections/${c.id}/objects/?limit=${pageSize}`;
    let pages = 0;
    for (;;) {
      const res = await get(url, token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(MEDIA);
      const env = res.json();
      objects.push(...env.objects);
      pages++;
      if (env.objects.length) {
        expect(res.headers['x-taxii-date-added-first']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(res.headers['x-taxii-date-added-last']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
      expect(env.objects.length).toBeLessThanOrEqual(pageSize);
      if (!env.more) break;
      url = `${root}collections/${c.id}/objects/?limit=${pageSize}&next=${encodeURIComponent(env.next)}`;
      expect(pages).toBeLessThan(100);
    }
    byTitle[c.title] = objects;
  }
  return byTitle;
}

describe('TAXII 2.1', () => {
  it('an analyst walks every collection page by page and gets each indicator once', async () => {
    const all = await walk(h.fx.tokens.analyst, 3);
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['Indicators TLP:CLEAR', 'Indicators TLP:GREEN', 'Indicators TLP:AMBER', 'Indicators TLP:RED']));
    const tlpObjects = Object.entries(all).filter(([t]) => t.startsWith('Indicators TLP:')).flatMap(([, o]) => o);
    expect(tlpObjects).toHaveLength(19);
    expect(new Set(tlpObjects.map((o) => o.id)).size).toBe(19);
    for (const o of tlpObjects) {
      expect(o).toMatchObject({ type: 'indicator', spec_version: '2.1', pattern_type: 'stix' });
      expect(o.id).toMatch(/^indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Date.parse(o.created)).not.toBeNaN();
      expect(o.object_marking_refs).toHaveLength(1);
    }
    expect(all['Indicators TLP:RED'].map((o) => o.name)).toEqual([ATTACK.origin]);
  });

  it('a partner only gets CLEAR, GREEN and its own org collection, without restricted objects', async () => {
    const cert = await walk(h.fx.tokens.partner, 4);
    expect(Object.keys(cert).sort()).toEqual(['Indicators TLP:CLEAR', 'Indicators TLP:GREEN', 'Indicators seen at CERT Exemplar']);
    const restricted = [TLP_MARKING.amber, TLP_MARKING['amber+strict'], TLP_MARKING.red];
    const certObjects = Object.values(cert).flat();
    expect(certObjects.length).toBe(16);
    for (const o of certObjects) expect(restricted).not.toContain(o.object_marking_refs[0]);
    const victim = await walk(h.fx.tokens.victim, 2);
    const own = victim['Indicators seen at University of Avalon'];
    expect(own.map((o) => o.name).sort()).toEqual([ATTACK.relay, ATTACK.c2, ATTACK.exfil].sort());
    expect(Object.values(victim).flat().map((o) => o.name)).not.toContain(ATTACK.origin);
  });

  it('a partner cannot read a collection that is not its own', async () => {
    const team = (await get('/taxii2/api/collections/', h.fx.tokens.analyst)).json().collections as Array<{ id: string; title: string }>;
    const red = team.find((c) => c.title === 'Indicators TLP:RED')!;
    const res = await get(`/taxii2/api/collections/${red.id}/objects/`, h.fx.tokens.partner);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ http_status: '404' });
  });

  it('filters by added_after and rejects bad parameters and media types', async () => {
    const c = (await get('/taxii2/api/collections/', h.fx.tokens.analyst)).json().collections[1];
    const base = `/taxii2/api/collections/${c.id}/objects/`;
    const first = await get(base, h.fx.tokens.analyst);
    const last = first.headers['x-taxii-date-added-last'] as string;
    expect((await get(`${base}?added_after=${last}`, h.fx.tokens.analyst)).json().objects).toEqual([]);
    expect((await get(`${base}?added_after=2000-01-01T00:00:00Z`, h.fx.tokens.analyst)).json().objects.length).toBe(first.json().objects.length);
    expect((await get(`${base}?added_after=yesterday`, h.fx.tokens.analyst)).statusCode).toBe(400);
    expect((await get(`${base}?next=forged`, h.fx.tokens.analyst)).statusCode).toBe(400);
    expect((await get(base, h.fx.tokens.analyst, false, 'application/taxii+json;version=2.0')).statusCode).toBe(406);
    expect((await get(base, h.fx.tokens.analyst, false, 'text/html')).statusCode).toBe(406);
    const manifest = (await get(`${c.id ? base.replace('objects', 'manifest') : ''}`, h.fx.tokens.analyst)).json();
    expect(manifest.objects[0]).toMatchObject({ media_type: 'application/stix+json;version=2.1' });
    const noAuth = await h.app.inject({ method: 'GET', url: '/taxii2/', headers: { accept: MEDIA } });
    expect(noAuth.statusCode).toBe(401);
    expect(noAuth.headers['www-authenticate']).toContain('Basic');
  });
});
