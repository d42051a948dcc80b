import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { resolveFiles } from './resolve-files.ts';
import { generatePeople } from './linkage/synthetic.ts';
import { pairwiseScores } from './linkage/evaluate.ts';

const dir = mkdtempSync(join(tmpdir(), 'hoptrace-resolve-'));
const csv = (rows: Record<string, string>[]) => [Object.keys(rows[0]).join(','), ...rows.map((r) => Object.values(r).map((v) => `"${v}"`).join(','))].join('\n');
const FIELDS = ['given:given', 'surname:surname', 'dob:date', 'email:email', 'phone:phone', 'postcode:postcode'];

describe('resolveFiles (hoptrace resolve)', () => {
  it('dedupes one file into the DESIGN §5 JSON shape', async () => {
    const { records } = generatePeople(400, 4);
    const file = join(dir, 'people.csv');
    writeFileSync(file, csv(records.map((r) => ({ id: r.id, ...r.values }) as Record<string, string>)));
    const out = await resolveFiles({ files: [file], id: 'id', fields: FIELDS });
    expect(out.json.records).toBe(400);
    expect(out.json.clusters.length).toBeGreaterThan(10);
    const s = pairwiseScores(out.json.clusters.map((c) => c.ids), records.map((r) => r.id), (id) => id.split('-')[0]);
    expect(s.precision).toBeGreaterThan(0.95);
    expect(s.recall).toBeGreaterThan(0.95);
    for (const c of out.json.clusters) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.explanation.length).toBe(FIELDS.length);
    }
  });

  it('links two files with left/right lists', async () => {
    const { records } = generatePeople(300, 6, 1);
    const side = (suffix: string) => records.filter((r) => r.id.endsWith(suffix)).map((r) => ({ id: r.id, ...r.values }) as Record<string, string>);
    writeFileSync(join(dir, 'a.csv'), csv(side('-r0')));
    writeFileSync(join(dir, 'b.csv'), csv(side('-r1')));
    const out = await resolveFiles({ files: [join(dir, 'a.csv'), join(dir, 'b.csv')], id: 'id', fields: FIELDS });
    expect(out.json.clusters.length).toBeGreaterThan(50);
    for (const c of out.json.clusters) {
      expect(c.left!.every((id: string) => id.endsWith('-r0'))).toBe(true);
      expect(c.right!.every((id: string) => id.endsWith('-r1'))).toBe(true);
    }
  });

  it('names the file and line of bad input', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'id,name\n1,a\n1,b\n');
    await expect(resolveFiles({ files: [join(dir, 'bad.csv')], id: 'id', fields: ['name:name'] })).rejects.toThrow(/bad\.csv:3: duplicate id '1'/);
    await expect(resolveFiles({ files: [join(dir, 'bad.csv')], id: 'id', fields: ['name:colour'] })).rejects.toThrow(InputError);
    await expect(resolveFiles({ files: [join(dir, 'bad.csv')], id: 'id', fields: ['nope:name'] })).rejects.toThrow(/no column 'nope'/);
  });
});
