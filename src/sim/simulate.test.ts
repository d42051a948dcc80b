import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../ingest/formats.ts';
import { checkOutput, parseFile } from './ingest-check.ts';
import type { GroundTruth } from './ground-truth.ts';
import type { Manifest } from './manifest.ts';
import { simulate } from './simulate.ts';

const small = (seed: number, out: string) => simulate({ seed, victims: 10, days: 3, backgroundRate: 20, intel: 'full', out });

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else out.set(`${rel}${name}`, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir, '');
  return out;
}

describe('simulate', () => {
  let a: string, b: string, c: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'hoptrace-sim-'));
    [a, b, c] = ['a', 'b', 'c'].map((x) => join(base, x));
    small(11, a);
    small(11, b);
    small(12, c);
  });

  it('writes byte-identical files for the same seed', () => {
    const ha = hashTree(a);
    const hb = hashTree(b);
    expect(ha.size).toBeGreaterThan(20);
    expect([...hb.keys()]).toEqual([...ha.keys()]);
    for (const [k, v] of ha) expect(hb.get(k), k).toBe(v);
  });

  it('builds a different world for a different seed', () => {
    const ta = JSON.parse(readFileSync(join(a, 'ground-truth.json'), 'utf8')) as GroundTruth;
    const tc = JSON.parse(readFileSync(join(c, 'ground-truth.json'), 'utf8')) as GroundTruth;
    expect(tc.attacker_servers.map((s) => s.ip)).not.toEqual(ta.attacker_servers.map((s) => s.ip));
    expect(hashTree(c).get('zeek/org-001/org-001-s1/conn.log') ?? '').not.toBe(hashTree(a).get('zeek/org-001/org-001-s1/conn.log'));
  });

  it('lists every file in the manifest with a known format', () => {
    const m = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')) as Manifest;
    const onDisk = [...hashTree(a).keys()].filter((k) => k !== 'manifest.json' && k !== 'ground-truth.json');
    expect(m.files.map((f) => f.path).sort()).toEqual(onDisk.sort());
    for (const f of m.files) expect(['zeek', 'nfdump', 'pcap', 'orgs', 'accounts', 'leases', 'logins', 'providers', 'stix']).toContain(f.format);
  });

  it('gives the group about five servers, false identities that share traits but never all', () => {
    const t = JSON.parse(readFileSync(join(a, 'ground-truth.json'), 'utf8')) as GroundTruth;
    expect(t.attacker_servers.length).toBeGreaterThanOrEqual(5);
    expect(t.attacker_servers.length).toBeLessThanOrEqual(6);
    expect(t.persons.filter((p) => !p.decoy).map((p) => p.id)).toEqual(['P1', 'P2']);
    expect(t.persons.some((p) => p.decoy)).toBe(true);
    expect(t.research_scanners.length).toBeGreaterThan(0);
    expect(t.victims.length).toBeGreaterThan(3);
  });

  it('parses every generated file with its ingest format and zero rejects', async () => {
    const results = await checkOutput(a);
    const parsed = results.filter((r) => !r.skipped);
    expect(parsed.length).toBeGreaterThan(20);
    for (const r of parsed) {
      expect(r.error, r.path).toBeUndefined();
      expect(r.rejected, `${r.path}: ${r.reasons.join('; ')}`).toBe(0);
      expect(r.read, r.path).toBeGreaterThanOrEqual(0);
    }
    for (const f of ['zeek', 'nfdump', 'accounts', 'leases', 'logins', 'stix', 'providers']) {
      if (FORMATS.some((x) => x.name === f)) expect(parsed.some((r) => r.format === f), f).toBe(true);
    }
  });

  it('rejects deliberately corrupted copies with reasons', async () => {
    const m = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')) as Manifest;
    const corrupt = (format: string, edit: (lines: string[]) => void) => {
      const e = m.files.find((f) => f.format === format && (f.rows ?? 1) > 2 && (format !== 'zeek' || f.path.endsWith('conn.log')))!;
      const lines = readFileSync(join(a, e.path), 'utf8').split('\n');
      edit(lines);
      const path = `${e.path}.corrupt`;
      writeFileSync(join(a, path), lines.join('\n'));
      return { ...e, path };
    };
    const cases = [
      corrupt('zeek', (l) => { const i = l.findIndex((x) => !x.startsWith('#')); l[i] = l[i].replace(/^\d+\.\d+/, 'yesterday'); l[i + 1] = l[i + 1].split('\t').slice(0, 5).join('\t'); }),
      corrupt('nfdump', (l) => { l[1] = l[1].split(',').slice(0, 7).join(','); }),
      corrupt('leases', (l) => { l[1] = l[1].replace(/\d{4}[-/]\d{2}[-/]\d{2}/, '2016-13-45'); }),
    ];
    const pcap = m.files.find((f) => f.format === 'pcap');
    if (pcap) {
      const bytes = readFileSync(join(a, pcap.path));
      writeFileSync(join(a, `${pcap.path}.truncated`), bytes.subarray(0, 24 + 16 + 30)); // record header claims more than is there
      cases.push({ ...pcap, path: `${pcap.path}.truncated` });
    }
    const stix = m.files.find((f) => f.format === 'stix')!;
    writeFileSync(join(a, `${stix.path}.broken`), readFileSync(join(a, stix.path), 'utf8').slice(0, 500));
    cases.push({ ...stix, path: `${stix.path}.broken` });
    for (const e of cases) {
      const r = await parseFile(a, e);
      if (r.skipped) continue;
      expect(r.rejected > 0 || r.error !== undefined, e.path).toBe(true);
      if (!r.error) expect(r.reasons.join(' ').length).toBeGreaterThan(5);
    }
  });
});
