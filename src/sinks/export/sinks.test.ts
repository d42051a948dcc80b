import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mispEvent } from '../misp/misp-event.ts';
import { caseBundle } from '../stix/case-bundle.ts';
import { createStixValidator } from '../stix/validate.ts';
import { sampleModel } from './model.testing.ts';

const validator = createStixValidator(resolve(import.meta.dirname, '../../../test/fixtures/stix2-json-schemas/schemas'));
const values = (b: { objects: Array<Record<string, unknown>> }) =>
  b.objects.filter((o) => o.type === 'indicator').map((o) => String(o.pattern)).sort();

describe('case exports', () => {
  it('case bundle validates and holds indicators, actor, sightings and one report', () => {
    const b = caseBundle(sampleModel(), { maxTlp: 'red' });
    expect(validator.validateBundle(b)).toEqual([]);
    const types = b.objects.map((o) => o.type);
    expect(types.filter((t) => t === 'report')).toHaveLength(1);
    expect(types.filter((t) => t === 'sighting')).toHaveLength(3);
    expect(b.objects.some((o) => o.type === 'relationship' && o.relationship_type === 'indicates')).toBe(true);
  });

  it('is deterministic: the same model gives the same bundle', () => {
    expect(JSON.stringify(caseBundle(sampleModel(), { maxTlp: 'amber' }))).toBe(JSON.stringify(caseBundle(sampleModel(), { maxTlp: 'amber' })));
  });

  it('a TLP ceiling drops stricter objects', () => {
    const green = caseBundle(sampleModel(), { maxTlp: 'green' });
    expect(values(green)).toEqual(["[domain-name:value = 'update.example.net']"]);
    expect(green.objects.some((o) => o.type === 'intrusion-set')).toBe(false);
    expect(validator.validateBundle(green)).toEqual([]);
  });

  it('a victim bundle holds only what concerns that victim', () => {
    const b = caseBundle(sampleModel(), { maxTlp: 'amber', org: 'jaxa' });
    expect(values(b)).toEqual(["[ipv4-addr:value = '203.0.113.7']"]);
    const sightings = b.objects.filter((o) => o.type === 'sighting');
    expect(sightings).toHaveLength(1);
    expect(validator.validateBundle(b)).toEqual([]);
  });

  it('MISP event carries typed attributes, ip-port objects, TLP and galaxy tags under the ceiling', () => {
    const e = mispEvent(sampleModel(), 'amber').Event as Record<string, any>;
    expect(e.Attribute.map((a: any) => [a.type, a.category, a.value])).toEqual([['domain', 'Network activity', 'update.example.net']]);
    expect(e.Object[0].name).toBe('ip-port');
    expect(e.Object[0].Attribute.map((a: any) => a.object_relation)).toEqual(['ip-dst', 'dst-port']);
    expect(e.Tag.map((t: any) => t.name)).toContain('misp-galaxy:threat-actor="Tick"');
    expect(e.Tag.map((t: any) => t.name)).toContain('tlp:amber');
    expect(JSON.stringify(e)).not.toContain('198.51.100.9');
  });
});
