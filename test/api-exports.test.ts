// POST /api/exports/misp|stix: team only, built by src/sinks exactly like `hoptrace export`, TLP ceiling
// (GREEN unless asked), no personal data even when an analyzer's explanation quotes some, audited.
import { basename, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingId } from '../src/core/ids.ts';
import { renderExport } from '../src/sinks/export/export-case.ts';
import { exportModelFromStore } from '../src/sinks/export/model-from-store.ts';
import { TLP_MARKING_IDS } from '../src/sinks/stix/markings.ts';
import { createStixValidator } from '../src/sinks/stix/validate.ts';
import { ATTACK, PII, T0 } from './fixtures/build-case.ts';
import { startApi, type ApiHarness } from './api-helpers.ts';

let h: ApiHarness;
beforeAll(async () => { h = await startApi(); });
afterAll(() => h.close());

type MispEvent = { Event: { uuid: string; info: string; distribution: string; Tag: Array<{ name: string }>; Attribute: Array<{ value: string; Tag: Array<{ name: string }> }>; Object: unknown[] } };
const misp = async (tlp?: string, token = h.fx.tokens.analyst) => h.call('POST', '/api/exports/misp', token, tlp ? { tlp } : {});
const values = (e: MispEvent) => e.Event.Attribute.map((a) => a.value).sort();
const tags = (e: MispEvent) => [...e.Event.Tag, ...e.Event.Attribute.flatMap((a) => a.Tag)].map((t) => t.name);

describe('MISP export through the API', () => {
  it('refuses a missing or wrong token (401) and partners (403)', async () => {
    expect((await misp(undefined, '')).statusCode).toBe(401);
    expect((await h.call('POST', '/api/exports/misp', 'ht_not-a-real-token-at-all', {})).statusCode).toBe(401);
    for (const role of ['partner', 'victim'] as const) {
      const res = await misp('clear', h.fx.tokens[role]);
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain(ATTACK.exfil);
    }
  });

  it('gives the team a MISP event that holds nothing above GREEN by default (fit to hand to partners)', async () => {
    const res = await misp();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('hoptrace-misp-tlp-green.json');
    const e = res.json() as MispEvent;
    expect(e.Event.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    expect(values(e)).toEqual([ATTACK.exfil, ATTACK.c2].sort());
    expect(tags(e)).toContain('tlp:green');
    for (const t of tags(e)) expect(t).not.toMatch(/^tlp:(amber|red)/);
    expect(res.body).not.toContain(ATTACK.relay); // AMBER
    expect(res.body).not.toContain(ATTACK.origin); // RED intel
  });

  it('raises the ceiling only when asked, and marks what it lets through', async () => {
    const e = (await misp('amber')).json() as MispEvent;
    expect(values(e)).toEqual([ATTACK.exfil, ATTACK.c2, ATTACK.relay].sort());
    expect(e.Event.Attribute.find((a) => a.value === ATTACK.relay)!.Tag.map((t) => t.name)).toContain('tlp:amber');
    expect(e.Event.Tag.map((t) => t.name)).toContain('tlp:amber'); // the event carries its strictest marking
    expect(e.Event.distribution).toBe('1'); // AMBER: this community only
  });

  it('is the same event `hoptrace export misp` writes (one builder: src/sinks)', async () => {
    const model = await exportModelFromStore(h.fx.kase.store, { caseName: basename(h.fx.kase.dir) });
    expect((await misp('amber')).json()).toEqual(renderExport(model, 'misp', 'amber').json);
  });

  it('records each export in the audit chain', async () => {
    await misp('green');
    const audit = (await h.call('GET', '/api/audit?limit=5000', h.fx.tokens.admin)).json();
    const last = audit.entries.find((x: { action: string }) => x.action === 'export.misp'); // newest first
    expect(last.detail).toMatchObject({ tlp: 'green' });
    expect(audit.verified).toBe(true);
  });
});

describe('STIX export through the API', () => {
  const validator = createStixValidator(resolve(import.meta.dirname, 'fixtures/stix2-json-schemas/schemas'));

  it('is a schema-valid bundle from src/sinks/stix, under the ceiling', async () => {
    const res = await h.call('POST', '/api/exports/stix', h.fx.tokens.analyst, { tlp: 'amber' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/stix+json');
    const b = res.json();
    expect(validator.validateBundle(b)).toEqual([]);
    const marks = new Set(b.objects.flatMap((o: { object_marking_refs?: string[] }) => o.object_marking_refs ?? []));
    expect(marks.has(TLP_MARKING_IDS.amber)).toBe(true);
    expect(marks.has(TLP_MARKING_IDS.red) || marks.has(TLP_MARKING_IDS['amber+strict'])).toBe(false);
    const green = (await h.call('POST', '/api/exports/stix', h.fx.tokens.analyst, {})).json();
    expect(JSON.stringify(green)).not.toContain(TLP_MARKING_IDS.amber);
  });

  it('keeps personal data out even when an analyzer quotes it in an explanation', async () => {
    await h.fx.kase.store.replaceFindings('attribution', [{
      id: findingId('attribution', 'actor', 'APT-Example'), analyzer: 'attribution', kind: 'actor', subject: 'APT-Example', score: 0.7, confidence: 0.7,
      first_seen: T0, last_seen: T0 + 3600, tlp: 'green', evidence_ids: [],
      details: { confidence: 'likely', evidence: [`renter ${PII.name} used phone ${PII.phone} on two accounts`] },
    }], 'pii-test');
    await h.fx.kase.store.replaceFindings('ioc-match', [{
      id: findingId('ioc-match', 'ioc-hit', PII.email), analyzer: 'ioc-match', kind: 'ioc-hit', subject: PII.email, score: 0.9, confidence: 0.9,
      first_seen: T0, last_seen: T0 + 3600, tlp: 'green', evidence_ids: [], details: { indicator: { type: 'email', value: PII.email } },
    }], 'pii-test');
    const model = await exportModelFromStore(h.fx.kase.store, { caseName: basename(h.fx.kase.dir) });
    const unguarded = JSON.stringify(renderExport(model, 'misp', 'red').json) + JSON.stringify(renderExport(model, 'stix', 'red').json);
    expect(unguarded).toContain(PII.email); // what the route has to keep in: an indicator whose value is personal
    expect(unguarded).toContain(PII.phone); // and an explanation quoting a phone number
    for (const format of ['stix', 'misp']) {
      const res = await h.call('POST', `/api/exports/${format}`, h.fx.tokens.admin, { tlp: 'red' });
      expect(res.statusCode).toBe(200);
      for (const v of Object.values(PII)) expect(res.body, `${format} ${v}`).not.toContain(v);
      expect(res.body).toContain(ATTACK.exfil); // the rest of the export is still there
    }
    const audit = (await h.call('GET', '/api/audit?limit=5000', h.fx.tokens.admin)).json();
    const red = audit.entries.filter((x: { detail?: { tlp?: string } }) => x.detail?.tlp === 'red');
    expect(red.map((x: { detail: unknown }) => x.detail)).toEqual([expect.objectContaining({ withheld_personal: 1 }), expect.objectContaining({ withheld_personal: 1 })]);
  });
});
