// A partner sees TLP:CLEAR/GREEN plus what is addressed to its own org, and never personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACK, PII } from './fixtures/build-case.ts';
import { startApi, type ApiHarness } from './api-helpers.ts';

let h: ApiHarness;
beforeAll(async () => { h = await startApi(); });
afterAll(() => h.close());

const PARTNER_GETS = ['/api/me', '/api/overview', '/api/findings', '/api/findings/analyzers', '/api/indicators', '/api/infrastructure',
  '/api/relays', '/api/victims', '/api/notifications'];
const PII_VALUES = [...Object.values(PII), 'i.petrov77@post.example', 'Jan Novak', '+420555010203', 'soc@univ-a.example'];

function markings(body: unknown): Array<{ tlp: string; org?: string }> {
  const out: Array<{ tlp: string; org?: string }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.tlp === 'string') out.push({ tlp: o.tlp, org: (o.org ?? (o.details as Record<string, unknown> | undefined)?.org) as string | undefined });
      Object.values(o).forEach(walk);
    }
  };
  walk(body);
  return out;
}

describe('partner of an org with nothing addressed to it (cert-x)', () => {
  it.each(PARTNER_GETS)('%s holds no AMBER/RED object and no PII', async (url) => {
    const res = await h.call('GET', url, h.fx.tokens.partner);
    expect(res.statusCode, res.body).toBe(200);
    for (const m of markings(res.json())) expect(['clear', 'green'], `${url} ${JSON.stringify(m)}`).toContain(m.tlp);
    for (const p of PII_VALUES) expect(res.body.toLowerCase(), `${url} leaks ${p}`).not.toContain(p.toLowerCase());
    expect(res.body).not.toContain(ATTACK.origin); // only RED intel names this address
  });

  it('still gets the public intelligence', async () => {
    const inds = (await h.call('GET', '/api/indicators?limit=1000', h.fx.tokens.partner)).json();
    expect(inds.indicators.map((i: { value: string }) => i.value)).toEqual(expect.arrayContaining([ATTACK.exfil, ATTACK.c2]));
    expect(inds.total).toBe(16);
    const infra = (await h.call('GET', '/api/infrastructure', h.fx.tokens.partner)).json();
    expect(infra.endpoints.map((e: { ip: string }) => e.ip)).toContain(ATTACK.exfil);
    expect(infra.endpoints.map((e: { ip: string }) => e.ip)).not.toContain(ATTACK.relay);
    const attribution = (await h.call('GET', '/api/findings?analyzer=attribution', h.fx.tokens.partner)).json();
    expect(attribution.findings[0].details.holder).toBe('[redacted]');
  });

  it('sees no victim but its own org (none) and no notifications', async () => {
    expect((await h.call('GET', '/api/victims', h.fx.tokens.partner)).json().victims).toEqual([]);
    expect((await h.call('GET', '/api/notifications', h.fx.tokens.partner)).json().notifications).toEqual([]);
  });
});

describe('partner of a victim org (univ-a)', () => {
  it('sees AMBER items addressed to univ-a and nothing addressed elsewhere', async () => {
    const findings = (await h.call('GET', '/api/findings?limit=1000', h.fx.tokens.victim)).json().findings as Array<{ tlp: string; subject: string; details: { org?: string } }>;
    const amber = findings.filter((f) => f.tlp !== 'clear' && f.tlp !== 'green');
    expect(amber.length).toBeGreaterThan(0);
    for (const f of amber) expect(f.details.org ?? f.subject).toBe('univ-a');
    const victims = (await h.call('GET', '/api/victims', h.fx.tokens.victim)).json().victims;
    expect(victims.map((v: { id: string }) => v.id)).toEqual(['univ-a']);
  });

  it('sees its notification only once it is sent, and may acknowledge it but not approve others', async () => {
    expect((await h.call('GET', '/api/notifications', h.fx.tokens.victim)).json().notifications).toEqual([]);
    expect((await h.call('POST', '/api/notifications/notif-univ-a/approve', h.fx.tokens.analyst, {})).statusCode).toBe(200);
    expect((await h.call('POST', '/api/notifications/notif-univ-a/send', h.fx.tokens.victim, {})).statusCode).toBe(404);
    expect((await h.call('POST', '/api/notifications/notif-univ-a/send', h.fx.tokens.analyst, {})).statusCode).toBe(200);
    const mine = (await h.call('GET', '/api/notifications', h.fx.tokens.victim)).json().notifications;
    expect(mine.map((n: { id: string; status: string }) => [n.id, n.status])).toEqual([['notif-univ-a', 'sent']]);
    expect((await h.call('POST', '/api/notifications/notif-univ-a/approve', h.fx.tokens.victim, {})).statusCode).toBe(403);
    expect((await h.call('POST', '/api/notifications/notif-aero-c/acknowledge', h.fx.tokens.victim, {})).statusCode).toBe(404);
    const ack = await h.call('POST', '/api/notifications/notif-univ-a/acknowledge', h.fx.tokens.victim, { note: 'received, patching' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().history.map((x: { to: string }) => x.to)).toEqual(['draft', 'approved', 'sent', 'acknowledged']);
  });
});

describe('the team', () => {
  it('sees every marking and the identities with PII', async () => {
    const tlps = new Set(markings((await h.call('GET', '/api/findings?limit=1000', h.fx.tokens.analyst)).json()).map((m) => m.tlp));
    expect([...tlps].sort()).toEqual(['amber', 'green', 'red']);
    const ids = (await h.call('GET', '/api/identities', h.fx.tokens.analyst)).json();
    expect(ids.clusters[0].accounts.map((a: { name: string }) => a.name)).toContain(PII.name);
    const phone = ids.clusters[0].agreement.find((a: { field: string }) => a.field === 'phone');
    expect(phone.groups).toEqual([{ value: PII.phone, accounts: [0, 1] }]);
  });

  it('ranks infrastructure with explained scores and the lease active at the time', async () => {
    const infra = (await h.call('GET', '/api/infrastructure', h.fx.tokens.analyst)).json().endpoints;
    expect(infra[0].ip).toBe(ATTACK.exfil);
    expect(infra[0].explanation[0]).toMatchObject({ analyzer: 'shared-infra', kind: 'endpoint', score: 0.93 });
    expect(infra[0].lease).toMatchObject({ provider: 'Hostco', account_id: 'acct-1' }); // not acct-9, who leased it later
    expect(infra[0].victims.orgs).toBe(4);
  });

  it('expands the graph within limits', async () => {
    const seed = (await h.call('GET', '/api/graph/seed?limit=20', h.fx.tokens.analyst)).json();
    expect(seed.nodes.length).toBeLessThanOrEqual(21);
    expect(seed.nodes.some((n: { type: string }) => n.type === 'org')).toBe(true);
    const ip = (await h.call('GET', `/api/graph/expand?node=ip|${ATTACK.exfil}`, h.fx.tokens.analyst)).json();
    const types = new Set(ip.nodes.map((n: { type: string }) => n.type));
    for (const t of ['ip', 'org', 'account', 'indicator', 'actor']) expect(types.has(t), t).toBe(true);
    const limited = (await h.call('GET', `/api/graph/expand?node=ip|${ATTACK.exfil}&limit=2`, h.fx.tokens.analyst)).json();
    expect(limited.nodes).toHaveLength(3);
    expect(limited.truncated).toBe(true);
    const acct = (await h.call('GET', '/api/graph/expand?node=account|Hostco|acct-1&types=identity', h.fx.tokens.analyst)).json();
    expect(acct.nodes.map((n: { id: string }) => n.id)).toEqual(['account|Hostco|acct-1', 'identity|cluster-1']);
  });

  it('records every write and export in an audit chain that verifies', async () => {
    const created = await h.call('POST', '/api/notifications', h.fx.tokens.analyst, { org: 'defence-d', tlp: 'amber' });
    expect(created.statusCode, created.body).toBe(201);
    const exp = await h.call('POST', '/api/exports/stix', h.fx.tokens.analyst, { tlp: 'amber' });
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('application/stix+json');
    const objs = exp.json().objects as Array<{ type: string; object_marking_refs?: string[] }>;
    expect(objs.filter((o) => o.type === 'indicator')).toHaveLength(3); // the case's infrastructure (routes: test/api-exports.test.ts)
    const verify = (await h.call('POST', '/api/evidence/verify', h.fx.tokens.analyst, {})).json();
    expect(verify.ok).toBe(true);
    const audit = (await h.call('GET', '/api/audit?limit=5000', h.fx.tokens.admin)).json();
    expect(audit.verified).toBe(true);
    const actions = audit.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['notification.create', 'export.stix', 'verify']));
    expect(h.fx.kase.audit.verify()).toBeNull();
  });
});
