import { describe, expect, it } from 'vitest';
import { indicatorObject, stixPattern, TLP_MARKING } from './stix.ts';

describe('STIX patterns', () => {
  it.each([
    ['ipv4', '203.0.113.10', "[ipv4-addr:value = '203.0.113.10']"],
    ['ipv6', '2001:db8::1', "[ipv6-addr:value = '2001:db8::1']"],
    ['cidr', '10.0.0.0/8', "[ipv4-addr:value = '10.0.0.0/8']"],
    ['domain', "o'neil.example", "[domain-name:value = 'o\\'neil.example']"],
    ['sha256', 'ab', "[file:hashes.'SHA-256' = 'ab']"],
    ['url', 'http://x/\\', "[url:value = 'http://x/\\\\']"],
  ])('%s %s', (type, value, want) => expect(stixPattern(type, value)).toBe(want));
});

describe('indicator objects', () => {
  const row = { id: 'i1', type: 'ipv4', value: '203.0.113.10', tlp: 'amber', confidence: 80, valid_from: 1790000000, valid_until: null,
    intrusion_set: 'APT-X', labels: '["c2"]', first_seen: null, last_seen: null, added: 1790000100 };
  it('has the required STIX 2.1 properties and the TLP 2.0 marking', () => {
    const o = indicatorObject(row);
    expect(o).toMatchObject({ type: 'indicator', spec_version: '2.1', pattern_type: 'stix', confidence: 80, object_marking_refs: [TLP_MARKING.amber] });
    expect(String(o.id)).toMatch(/^indicator--[0-9a-f-]{36}$/);
    expect(o.created).toBe('2026-09-21T14:15:00.000Z');
    expect(indicatorObject(row).id).toBe(o.id); // deterministic
  });
});
