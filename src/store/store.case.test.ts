// The conformance suite every engine must pass. Engines register a factory in ENGINES below;
// an engine that cannot run here (no server) is skipped with a loud message, never silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipKey } from '../core/ip.ts';
import { makeFinding } from '../analyzers/finding.ts';
import { SCHEMA_VERSION, TABLES } from './schema.ts';
import type { Store } from './store.ts';
import { engineFactories } from './engines.testing.ts';

const flow = (evidence_id: string, src: string, dst: string, ts: number, extra: Record<string, unknown> = {}) => ({
  evidence_id, org: 'org-a', sensor: 's1', ts, duration: 1.5, src, sport: 40000, dst, dport: 22, proto: 'tcp',
  service: 'ssh', bytes_out: 100, bytes_in: 2000, pkts_out: 5, pkts_in: 7, state: 'SF', uid: 'C1',
  src_int: 1, dst_int: 0, ...extra,
});

for (const { name, create, skipReason } of engineFactories()) {
  describe.skipIf(!!skipReason)(`store conformance: ${name}`, () => {
    let store: Store;
    beforeAll(async () => { store = await create(); }, 60_000);
    afterAll(async () => { await store?.close(); });

    it('creates every table at the current schema version, and migrating again changes nothing', async () => {
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      await store.migrate();
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      for (const t of TABLES) expect(await store.count(t.name)).toBe(0);
    });

    it('appends rows and stores IPv4 as integers and IPv6 through the dictionary', async () => {
      await store.append('flows', [
        flow('ev1', '10.0.0.5', '203.0.113.9', 1000),
        flow('ev1', '2001:db8::5', '2001:db8:ffff::1', 1001),
        flow('ev1', '10.0.0.6', '203.0.113.9', 1002, { sport: null, bytes_out: null }),
      ]);
      expect(await store.count('flows')).toBe(3);
      const rows = await store.query<{ src: number; dst: number; sport: number | null }>(
        'SELECT src, dst, sport FROM flows ORDER BY ts');
      expect(rows[0].src).toBe(ipKey('10.0.0.5'));
      expect(rows[2].sport).toBeNull();
      const texts = await store.ip6Texts([rows[1].src, rows[1].dst]);
      expect(texts.get(rows[1].src)).toBe('2001:db8::5');
      expect(texts.get(rows[1].dst)).toBe('2001:db8:ffff::1');
    });

    it('binds parameters of every kind, never splicing text', async () => {
      const evil = "x' OR '1'='1";
      expect(await store.query('SELECT count(*) AS n FROM flows WHERE uid = $u', { u: evil })).toEqual([{ n: 0 }]);
      const r = await store.query<{ n: number }>(
        'SELECT count(*) AS n FROM flows WHERE dst = $d AND ts >= $t', { d: ipKey('203.0.113.9')!, t: 1000.5 });
      expect(r[0].n).toBe(1);
    });

    it('rejects a null in a NOT NULL column and stores nothing of that batch', async () => {
      const before = await store.count('flows');
      await expect(store.append('flows', [flow('ev9', '10.0.0.1', '203.0.113.1', 5), { ...flow('ev9', '10.0.0.1', '203.0.113.1', 6), ts: null }]))
        .rejects.toThrow(/ts/);
      expect(await store.count('flows')).toBe(before);
    });

    it('reconciles: finds orphan evidence rows and removes exactly one evidence id', async () => {
      await store.append('flows', [flow('ev2', '10.0.0.7', '198.51.100.1', 2000)]);
      await store.append('rejects', [{ evidence_id: 'ev2', file: 'x.log', line_or_offset: 7, reason: 'bad ts', raw: 'junk' }]);
      await store.append('evidence', [{
        id: 'ev1', sha256: 'ev1', name: 'a.log', bytes: 10, format: 'zeek', org: null, sensor: null, received_at: 1,
        rows_read: 3, rows_stored: 3, rows_rejected: 0, tlp: 'amber', prev_hash: '0', entry_hash: 'h',
      }]);
      expect(await store.orphanEvidenceIds()).toEqual(['ev2']);
      await store.deleteEvidenceRows('ev2');
      expect(await store.orphanEvidenceIds()).toEqual([]);
      expect(await store.count('flows', { column: 'evidence_id', value: 'ev1' })).toBe(3);
      expect(await store.count('rejects')).toBe(0);
    });

    it('replaces an analyzer\'s findings idempotently and filters them', async () => {
      const mk = (subject: string, score: number) => makeFinding({
        analyzer: 'demo', kind: 'endpoint', subject, score, first_seen: 1, last_seen: 2, details: { why: [subject] },
      });
      await store.replaceFindings('demo', [mk('a', 0.9), mk('b', 0.2)], 'run1');
      await store.replaceFindings('demo', [mk('a', 0.9), mk('b', 0.2)], 'run2');
      await store.replaceFindings('other', [makeFinding({ analyzer: 'other', kind: 'k', subject: 'z', score: 1, first_seen: null, last_seen: null, details: {} })], 'run2');
      const all = await store.findings({ analyzer: 'demo' });
      expect(all.map((f) => f.subject)).toEqual(['a', 'b']);
      expect(all[0].details).toEqual({ why: ['a'] });
      expect((await store.findings({ minScore: 0.5 })).map((f) => f.subject).sort()).toEqual(['a', 'z']);
      await store.replaceFindings('demo', [], 'run3');
      expect(await store.findings({ analyzer: 'demo' })).toEqual([]);
      expect(await store.count('findings')).toBe(1);
    });

    it('mutates rows in place: an update and a delete are visible as soon as mutate returns', async () => {
      const note = (id: string, status: string) => ({ id, org: 'org-a', tlp: 'amber', status, package_path: null, history: '[]', updated_at: 1 });
      await store.append('notifications', [note('n1', 'draft'), note('n2', 'draft'), note('n3', 'sent')]);
      await store.mutate('notifications', {
        name: 'test-update',
        duckdb: 'UPDATE notifications SET status = $to, updated_at = $now WHERE id = $id AND status = $from',
        clickhouse: 'UPDATE status = $to, updated_at = $now WHERE id = $id AND status = $from',
      }, { to: 'approved', now: 2.5, id: 'n1', from: 'draft' });
      await store.mutate('notifications', { name: 'test-delete', duckdb: "DELETE FROM notifications WHERE status = 'sent'", clickhouse: "DELETE WHERE status = 'sent'" });
      const rows = await store.query<{ id: string; status: string; updated_at: number }>('SELECT id, status, updated_at FROM notifications ORDER BY id');
      expect(rows).toEqual([{ id: 'n1', status: 'approved', updated_at: 2.5 }, { id: 'n2', status: 'draft', updated_at: 1 }]);
    });

    it('aggregates with the same answer as JS (distinct orgs per endpoint)', async () => {
      await store.append('flows', [
        flow('ev3', '10.1.0.1', '192.0.2.50', 3000, { org: 'o1' }),
        flow('ev3', '10.1.0.2', '192.0.2.50', 3001, { org: 'o2' }),
        flow('ev3', '10.1.0.3', '192.0.2.50', 3002, { org: 'o2' }),
      ]);
      const r = await store.query<{ dst: number; orgs: number }>(
        'SELECT dst, count(DISTINCT org) AS orgs FROM flows WHERE evidence_id = $e GROUP BY dst', { e: 'ev3' });
      expect(r).toEqual([{ dst: ipKey('192.0.2.50'), orgs: 2 }]);
    });
  });
  if (skipReason) {
    it(`store conformance: ${name} SKIPPED — ${skipReason}`, () => {
      console.warn(`\n!!! store conformance for ${name} skipped: ${skipReason}\n`);
    });
  }
}
