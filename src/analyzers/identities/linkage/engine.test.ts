import { describe, expect, it } from 'vitest';
import { resolve } from './engine.ts';
import type { FieldSpec, InputRecord } from './prepared.ts';
import { generatePeople, SYNTHETIC_FIELDS } from './synthetic.ts';
import { pairwiseScores } from './evaluate.ts';

describe('resolve', () => {
  it('finds planted duplicates in generated people with high pairwise F1', () => {
    const { records, entityOf } = generatePeople(3000, 11);
    const result = resolve(records, { fields: SYNTHETIC_FIELDS });
    const s = pairwiseScores(result.clusters.map((c) => c.ids), records.map((r) => r.id), (id) => entityOf.get(id)!);
    expect(s.f1).toBeGreaterThan(0.9);
    expect(result.pairsCompared).toBeLessThan((3000 * 2999) / 2 / 50);
    expect(result.model.m[0].at(-1)).toBeGreaterThan(result.model.u[0].at(-1)! * 10);
  });

  it('explains a cluster field by field', () => {
    const { records } = generatePeople(500, 3);
    const c = resolve(records, { fields: SYNTHETIC_FIELDS }).clusters[0];
    expect(c.ids.length).toBeGreaterThan(1);
    expect(c.explanation[0]).toMatchObject({ field: expect.any(String), agreement: expect.any(String), weight: expect.any(Number) });
    expect(c.explanation[0].weight).toBeGreaterThan(0);
  });

  it('refuses one weak bridge between two otherwise different people', () => {
    const fields: FieldSpec[] = [
      { column: 'name', kind: 'name' }, { column: 'dob', kind: 'date' }, { column: 'email', kind: 'email' }, { column: 'pay', kind: 'exact' },
    ];
    const filler: InputRecord[] = generatePeople(400, 5, 0.3).records.map((r, i) => ({
      id: `f${i}`, values: { name: `${r.values.given} ${r.values.surname}`, dob: r.values.dob, email: r.values.email, pay: `tok${i % 390}` },
    }));
    const people: InputRecord[] = [
      { id: 'a1', values: { name: 'Viktor Orlov', dob: '1980-03-04', email: 'vorlov@mail.ru', pay: 'tokA' } },
      { id: 'a2', values: { name: 'Viktor Orlov', dob: '1980-03-04', email: 'vorlov@mail.ru', pay: 'tokA' } },
      { id: 'b1', values: { name: 'Hanako Sato', dob: '1992-11-20', email: 'hsato@example.jp', pay: 'tokB' } },
      { id: 'b2', values: { name: 'Hanako Sato', dob: '1992-11-20', email: 'hsato@example.jp', pay: 'tokB' } },
      // the bridge: b3 looks like b1/b2 but shares a's card token and email
      { id: 'b3', values: { name: 'Hanako Sato', dob: '1992-11-20', email: 'vorlov@mail.ru', pay: 'tokA' } },
    ];
    const result = resolve([...filler, ...people], { fields });
    const clusterOf = (id: string) => result.clusters.find((c) => c.ids.includes(id))?.ids ?? [id];
    expect(clusterOf('a1')).toContain('a2');
    expect(clusterOf('b1')).toContain('b2');
    expect(clusterOf('a1')).not.toContain('b1');
  });

  it('links two files, one record from each side', () => {
    const { records, entityOf } = generatePeople(2000, 9, 1);
    const left = records.filter((r) => r.id.endsWith('-r0')).map((r) => ({ ...r, source: 0 as const }));
    const right = records.filter((r) => r.id.endsWith('-r1')).map((r) => ({ ...r, source: 1 as const }));
    const result = resolve([...left, ...right], { fields: SYNTHETIC_FIELDS, link: true });
    expect(result.clusters.every((c) => c.left!.length >= 1 && c.right!.length >= 1)).toBe(true);
    const s = pairwiseScores(result.clusters.map((c) => c.ids), [...left, ...right].map((r) => r.id), (id) => entityOf.get(id)!);
    expect(s.f1).toBeGreaterThan(0.9);
  });
});
