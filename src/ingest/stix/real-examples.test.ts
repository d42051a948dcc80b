// More real bundles (fixtures/SOURCE.md): OASIS examples and MISP's own STIX 2.1 export.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../detect.ts';
import { collect } from '../zeek/testing.ts';
import { stixFormat } from './format.ts';
import { parsePattern } from './pattern.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const run = (file: string) => collect(stixFormat, openInput(join(FIX, file)), { file });
const counts = (c: Awaited<ReturnType<typeof run>>) =>
  [c.read, c.rows.intel_objects.length, c.rows.intel_relations.length, c.rows.indicators.length, c.rejects.length];

describe('stix bundles as real producers wrote them', () => {
  it('reads a MISP domain|ip attribute as a domain and an IP indicator; a filename stays whole', async () => {
    const c = await run('misp-stix-event2-domain-ip.json');
    expect(counts(c)).toEqual([5, 5, 0, 3, 0]);
    expect(c.rows.indicators.map((r) => [r.type, r.value])).toEqual([
      ['domain', 'circl.lu'], ['ipv4', '149.13.33.14'], ['other', "[file:name = 'test_file_name']"],
    ]);
    expect(c.rows.indicators[1]).toMatchObject({ source: 'MISP-Project', valid_from: Date.UTC(2020, 9, 25, 16, 22) / 1000 });
  });

  it('keeps OASIS patterns that are no plain observable whole (MATCHES, a malformed hash path)', async () => {
    const email = await run('malicious-email-indicator-with-attachment.json');
    expect(counts(email)).toEqual([6, 6, 2, 2, 0]);
    expect(email.rows.indicators.every((r) => r.type === 'other')).toBe(true);
    const coa = await run('stix20-indicators-for-C2-with-COA.json');
    expect(counts(coa)).toEqual([8, 8, 3, 2, 0]);
    expect(coa.rows.indicators.map((r) => r.type)).toEqual(['ipv4', 'other']);
  });

  it('takes TLP from a marking-definition object in the bundle and from the standard TLP ids', async () => {
    const marked = await run('stix20-using-marking-definitions.json');
    expect(counts(marked)).toEqual([4, 4, 0, 1, 0]);
    expect(marked.rows.indicators[0]).toMatchObject({ tlp: 'amber', source: 'Stark Industries' });
    const email = await run('malicious-email-indicator-with-attachment.json');
    expect(email.rows.intel_objects.find((o) => o.type === 'identity')).toMatchObject({ tlp: 'green' });
  });
});

describe('stix AND patterns (MISP export shapes)', () => {
  it.each([
    ["[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']", [['ipv4', '203.0.113.33']]],
    ["[domain-name:value = 'circl.lu' AND domain-name:resolves_to_refs[*].value = '149.13.33.14']", [['domain', 'circl.lu'], ['ipv4', '149.13.33.14']]],
    ["[network-traffic:dst_ref.value = '198.51.100.42' AND network-traffic:dst_port = 443]", []],
    ["[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_port = 443]", []],
  ])('%s', (pattern, expected) => {
    const r = parsePattern(pattern);
    expect(r.indicators.map((i) => [i.type, i.value])).toEqual(expected);
    expect(r.unparsed).toEqual(expected.length ? [] : [pattern]);
  });
});
