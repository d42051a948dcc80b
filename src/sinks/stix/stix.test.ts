import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBundle, orderForBundle } from './bundle.ts';
import { firstIdentity, tlpMarking, type StixObject } from './markings.ts';
import { indicatorWithObservable, orgIdentity, producerIdentity, report, scoId, sighting } from './objects.ts';
import { createStixValidator } from './validate.ts';

const validator = createStixValidator(resolve(import.meta.dirname, '../../../test/fixtures/stix2-json-schemas/schemas'));
const me = producerIdentity('Example National CERT');

function sample(): StixObject[] {
  const ind = indicatorWithObservable({
    type: 'ipv4', value: '203.0.113.7', tlp: 'amber', validFrom: 1480000000, validUntil: 1490000000, createdBy: me.id,
    confidence: 80, source: { name: 'hoptrace shared-infra', description: 'score 0.93: reached 14 victim orgs' },
  })!;
  const dom = indicatorWithObservable({ type: 'domain', value: "evil'o.example", tlp: 'green', validFrom: 1480000000, createdBy: me.id })!;
  const hash = indicatorWithObservable({ type: 'sha256', value: 'a'.repeat(64), tlp: 'green', validFrom: 1480000000, createdBy: me.id })!;
  const victim = orgIdentity({ id: 'jaxa', name: 'Space Agency', sector: 'aerospace' });
  const s = sighting({ of: ind[1].id, where: [victim.id], firstSeen: 1481000000, lastSeen: 1482000000, count: 12, createdBy: me.id, tlp: 'amber', key: 'x' });
  const all = [me, victim, firstIdentity(), tlpMarking('amber'), tlpMarking('green'), ...ind, ...dom, ...hash, s];
  return [...all, report({ key: 'case', name: 'case', description: 'd', published: 1483000000, refs: all.map((o) => o.id), createdBy: me.id, tlp: 'amber' })];
}

describe('STIX 2.1 export building blocks', () => {
  it('builds a bundle that validates against the OASIS schemas', () => {
    const bundle = makeBundle('case', sample());
    expect(validator.validateBundle(bundle)).toEqual([]);
  });

  it('puts every referenced object before its referrers', () => {
    const ordered = orderForBundle(sample().reverse());
    const pos = new Map(ordered.map((o, i) => [o.id, i]));
    const rep = ordered.find((o) => o.type === 'report')!;
    for (const ref of rep.object_refs as string[]) expect(pos.get(ref)!).toBeLessThan(pos.get(rep.id)!);
  });

  it('refuses a bundle with a dangling reference, naming it', () => {
    const ind = indicatorWithObservable({ type: 'ipv4', value: '198.51.100.1', tlp: 'amber', validFrom: 1, createdBy: me.id })!;
    expect(() => orderForBundle(ind)).toThrow(/identity--/);
  });

  it('catches what the schemas cannot: valid_until before valid_from', () => {
    const objs = sample();
    const ind = objs.find((o) => o.type === 'indicator')!;
    ind.valid_until = '2000-01-01T00:00:00.000Z';
    expect(validator.validateBundle(makeBundle('bad', objs)).join()).toMatch(/valid_until/);
  });

  it('derives SCO ids as the spec says (same value → same id) and escapes patterns', () => {
    expect(scoId('ipv4-addr', { value: '203.0.113.7' })).toBe(scoId('ipv4-addr', { value: '203.0.113.7' }));
    const dom = sample().find((o) => o.type === 'indicator' && String(o.pattern).includes('domain'))!;
    expect(dom.pattern).toBe("[domain-name:value = 'evil\\'o.example']");
  });

  it('validates the OASIS example bundles shipped in shared data (the validator itself is sound)', async () => {
    const { readFileSync } = await import('node:fs');
    const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../shared/data/real-samples/stix-oasis-examples/infrastructure.json'), 'utf8'));
    expect(validator.validateBundle(ex)).toEqual([]);
  });
});
