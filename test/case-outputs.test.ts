// The end of an investigation on a real (small, simulated) case: STIX/MISP exports, victim notification
// packages with the workflow and SMTP delivery, and the victims/summary reports. One case is built once.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, type Case } from '../src/cli/case.ts';
import { ingestFile } from '../src/cli/ingest/run-ingest.ts';
import { runPipeline } from '../src/cli/pipeline.ts';
import { DEFAULTS } from '../src/sim/config.ts';
import { simulate } from '../src/sim/simulate.ts';
import { exportCase } from '../src/sinks/export/export-case.ts';
import { exportModelFromStore } from '../src/sinks/export/model-from-store.ts';
import { deliver } from '../src/sinks/notify/deliver.ts';
import { notifyCase } from '../src/sinks/notify/notify-case.ts';
import { advance, listNotifications } from '../src/sinks/notify/notifications-store.ts';
import { writeSummaryReport } from '../src/sinks/report/summary/summary-report.ts';
import { writeVictimsReport } from '../src/sinks/report/victims/victims-report.ts';
import { createStixValidator } from '../src/sinks/stix/validate.ts';
import { startSmtp, type SmtpCapture } from './smtp-capture.ts';

const validator = createStixValidator(resolve(import.meta.dirname, 'fixtures/stix2-json-schemas/schemas'));
let dir: string;
let kase: Case;
let pii: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoptrace-outputs-'));
  simulate({ ...DEFAULTS, seed: 7, victims: 10, days: 3, out: join(dir, 'sim') });
  await runPipeline({ caseDir: join(dir, 'case'), simDir: join(dir, 'sim'), quiet: true });
  kase = await openCase(join(dir, 'case'));
  const accounts = await kase.store.query<Record<string, string | null>>('SELECT name, email, phone, address, payment_fp FROM accounts');
  pii = [...new Set(accounts.flatMap((a) => Object.values(a)).filter((v): v is string => typeof v === 'string' && v.length >= 6))];
}, 120_000);

afterAll(async () => {
  await kase?.close();
  rmSync(dir, { recursive: true, force: true });
});

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const leaks = (text: string) => pii.filter((v) => text.includes(v));

describe('STIX and MISP export of a case', () => {
  it('validates against the OASIS schemas, has the attributed actor and victim sightings, and no PII', async () => {
    const r = await exportCase(kase.store, { caseName: 'c', format: 'stix', maxTlp: 'amber', out: join(dir, 'out/case.json') });
    const bundle = json(r.file);
    expect(validator.validateBundle(bundle)).toEqual([]);
    const types = bundle.objects.map((o: { type: string }) => o.type);
    for (const t of ['indicator', 'ipv4-addr', 'sighting', 'intrusion-set', 'report', 'marking-definition', 'identity']) expect(types).toContain(t);
    expect(bundle.objects.find((o: { type: string; name?: string }) => o.type === 'intrusion-set' && o.name === 'Tick')).toBeTruthy();
    expect(pii.length).toBeGreaterThan(5);
    expect(leaks(readFileSync(r.file, 'utf8'))).toEqual([]);
  });

  it('is deterministic: exporting twice gives the same ids and the same bytes', async () => {
    const a = await exportCase(kase.store, { caseName: 'c', format: 'stix', maxTlp: 'amber', out: join(dir, 'out/a.json') });
    const b = await exportCase(kase.store, { caseName: 'c', format: 'stix', maxTlp: 'amber', out: join(dir, 'out/b.json') });
    expect(readFileSync(a.file, 'utf8')).toBe(readFileSync(b.file, 'utf8'));
    const m = await exportCase(kase.store, { caseName: 'c', format: 'misp', maxTlp: 'amber', out: join(dir, 'out/m.json') });
    const ev = json(m.file).Event;
    expect(ev.Tag.map((t: { name: string }) => t.name)).toContain('tlp:amber');
    expect(ev.Tag.map((t: { name: string }) => t.name)).toContain('misp-galaxy:threat-actor="Tick"');
    expect(ev.Attribute.length + ev.Object.length).toBe(m.objects);
  });

  it('honours the TLP ceiling: a TLP:GREEN export carries no AMBER-marked object', async () => {
    const r = await exportCase(kase.store, { caseName: 'c', format: 'stix', maxTlp: 'green', out: join(dir, 'out/green.json') });
    const text = readFileSync(r.file, 'utf8');
    expect(validator.validateBundle(json(r.file))).toEqual([]);
    expect(text).not.toContain('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421');
  });

  it('re-imports into a fresh case as the same objects (ids and content)', async () => {
    const file = join(dir, 'out/case.json');
    const fresh = await openCase(join(dir, 'reimport'), { create: true });
    try {
      const res = await ingestFile(fresh, file, { format: 'stix', quiet: true });
      expect(res.rejected).toBe(0);
      const rows = await fresh.store.query<{ id: string; raw: string }>('SELECT id, raw FROM intel_objects');
      const exported = json(file).objects as Array<{ id: string }>;
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(exported.map((o) => o.id)));
      const byId = new Map(rows.map((r) => [r.id, typeof r.raw === 'string' ? JSON.parse(r.raw) : r.raw]));
      for (const o of exported) expect(byId.get(o.id)).toEqual(o);
      const sightings = exported.filter((o) => o.id.startsWith('sighting--')).length;
      expect(new Set((await fresh.store.query<{ id: string }>('SELECT id FROM sightings')).map((r) => r.id)).size).toBe(sightings);
    } finally {
      await fresh.close();
    }
  });

  it('the hoptrace export command writes the file and records the export in the audit log', async () => {
    const out = join(dir, 'out/cli.json');
    await kase.close();
    const stdout = execFileSync('node', ['bin/hoptrace.js', 'export', 'stix', '--case', join(dir, 'case'), '--out', out, '--tlp', 'amber'], { encoding: 'utf8' });
    expect(stdout).toMatch(/stix with \d+ objects/);
    kase = await openCase(join(dir, 'case'));
    expect(readFileSync(join(dir, 'case/audit.jsonl'), 'utf8')).toContain('"export.stix"');
    expect(validator.validateBundle(json(out))).toEqual([]);
  }, 60_000);
});

describe('victim notifications', () => {
  let smtp: SmtpCapture;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => { await smtp?.close(); });

  it('writes one package per victim with a victim-only, schema-valid, TLP-marked STIX bundle', async () => {
    const packages = await notifyCase(kase.store, { caseDir: kase.dir, now: 1_800_000_000 });
    const victims = await kase.store.findings({ analyzer: 'impact', kind: 'victim-impact' });
    expect(packages.length).toBe(victims.length);
    expect(packages.length).toBeGreaterThan(2);
    const model = await exportModelFromStore(kase.store, { caseName: 'c' });
    for (const p of packages) {
      expect(readdirSync(p.dir).sort()).toEqual(['indicators.stix.json', 'notice.html', 'notice.json', 'notice.md']);
      const bundle = json(join(p.dir, 'indicators.stix.json'));
      expect(validator.validateBundle(bundle)).toEqual([]);
      const orgIds = bundle.objects.filter((o: { type: string; identity_class?: string; name: string }) => o.type === 'identity' && o.name !== 'hoptrace' && !o.name.includes('(FIRST)'));
      expect(orgIds.map((o: { name: string }) => o.name)).toEqual([model.orgs.find((x) => x.id === p.org)!.name]);
      const html = readFileSync(join(p.dir, 'notice.html'), 'utf8');
      expect(html).toContain(`TLP:${p.tlp.toUpperCase()}`);
      expect(html).toContain('What to check and do next');
      for (const e of p.notice.endpoints) expect(html).toContain(e.ip);
      expect(leaks(html + readFileSync(join(p.dir, 'notice.md'), 'utf8') + JSON.stringify(bundle))).toEqual([]);
    }
    const again = await notifyCase(kase.store, { caseDir: kase.dir, now: 1_800_000_100 });
    expect(again.every((p) => !p.created && p.refreshed)).toBe(true);
    expect((await listNotifications(kase.store)).length).toBe(packages.length);
  });

  it('refuses to send a draft, then approves, sends over SMTP with the bundle attached, and records history', async () => {
    const [first] = await listNotifications(kase.store);
    const opts = { smtp: { host: '127.0.0.1', port: smtp.port, from: 'cert@hoptrace.example' }, from: 'cert@hoptrace.example', actor: 'ana', now: 1_800_000_200 };
    await expect(deliver(kase.store, first.id, opts)).rejects.toThrow(/it is 'draft', needs 'approved'/);
    await advance(kase.store, first.id, 'approve', { actor: 'lead', ts: 1_800_000_150 });
    const r = await deliver(kase.store, first.id, opts);
    expect(r.sent).toBe(true);
    expect(r.notification.status).toBe('sent');
    expect(smtp.messages).toHaveLength(1);
    const msg = smtp.messages[0];
    expect(msg.rcptTo.length).toBeGreaterThan(0);
    expect(msg.data).toContain('multipart/alternative');
    expect(msg.data).toContain('Content-Disposition: attachment; filename="indicators.stix.json"');
    const attachment = /filename="indicators\.stix\.json"\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(msg.data)![1];
    const sentBundle = Buffer.from(attachment.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(sentBundle).toBe(readFileSync(join(first.package_path!, 'indicators.stix.json'), 'utf8'));
    expect(msg.data.replace(/\r\n/g, '\n')).toBe(readFileSync(r.eml, 'utf8').replace(/\r\n/g, '\n'));
    await advance(kase.store, first.id, 'acknowledge', { actor: 'victim-soc', ts: 1_800_000_300 });
    const done = await advance(kase.store, first.id, 'remediate', { actor: 'victim-soc', ts: 1_800_000_400 });
    expect(done.history.map((h) => h.to)).toEqual(['draft', 'approved', 'sent', 'acknowledged', 'remediated']);
    await expect(advance(kase.store, first.id, 'approve', { actor: 'x', ts: 1 })).rejects.toThrow(/it is 'remediated'.*finished/);
  });
});

describe('victims and summary reports', () => {
  it('lists every victim in CSV and HTML with a timeline', async () => {
    const [csvPath, htmlPath] = await writeVictimsReport(kase.store, join(dir, 'reports/victims'), 'c');
    const victims = await kase.store.findings({ analyzer: 'impact', kind: 'victim-impact' });
    const lines = readFileSync(csvPath, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^org,name,sector,severity,first_seen,last_seen/);
    expect(lines.length - 1).toBe(victims.length);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toContain('<svg');
    for (const v of victims) expect(html).toContain(v.subject);
  });

  it('summarises the case with the attribution ranking and graph, naming accounts without PII', async () => {
    const [path] = await writeSummaryReport(kase.store, join(dir, 'reports/summary'), 'c');
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('aria-label="attribution graph"');
    expect(html).toMatch(/almost certain|likely|roughly even|no confident attribution/i);
    expect(html).toContain('Tick');
    expect(leaks(html)).toEqual([]);
  });
});
