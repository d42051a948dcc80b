import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WrongFormatError } from '../contract.ts';
import { parseText } from '../iocs/testing.ts';
import { stixFormat } from './format.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('STIX 2.1 (OASIS examples)', () => {
  it('reads the C2 IP indicator', async () => {
    const r = await parseText(stixFormat, fixture('indicator-for-c2-ip-address.json'));
    expect(r.read).toBe(1);
    expect(r.rows.indicators).toEqual([expect.objectContaining({ type: 'ipv4', value: '10.0.0.0', ip: '10.0.0.0', tlp: 'amber',
      valid_from: Date.parse('2014-05-08T09:00:00Z') / 1000, labels: ['malicious-activity'] })]);
    expect(r.rows.intel_objects[0]).toMatchObject({ id: 'indicator--33fe3b22-0201-47cf-85d0-97c02164528d', type: 'indicator' });
  });

  it('keeps every object of the infrastructure example and its relationships', async () => {
    const r = await parseText(stixFormat, fixture('infrastructure.json'));
    expect(r.rejects).toEqual([]);
    expect(r.rows.intel_objects).toHaveLength(r.read);
    expect(r.rows.intel_objects.map((o) => o.type)).toContain('ipv4-addr');
    expect(r.rows.intel_relations.map((x) => x.relationship_type).sort()).toEqual(['consists-of', 'consists-of', 'controls', 'uses']);
  });
});

describe('STIX 2.0', () => {
  it('upgrades objects: spec_version, is_family, *_types, pattern_type', async () => {
    const r = await parseText(stixFormat, fixture('stix20-indicator-for-malicious-URL.json'));
    expect(r.rejects).toEqual([]);
    const malware = r.rows.intel_objects.find((o) => o.type === 'malware')!.raw as Record<string, unknown>;
    expect(malware).toMatchObject({ spec_version: '2.1', is_family: true, malware_types: ['backdoor', 'remote-access-trojan'] });
    const ind = r.rows.intel_objects.find((o) => o.type === 'indicator')!.raw as Record<string, unknown>;
    expect(ind).toMatchObject({ spec_version: '2.1', pattern_type: 'stix', indicator_types: ['malicious-activity'] });
    expect(r.rows.indicators[0]).toMatchObject({ type: 'url', value: 'http://x4z9arb.cn/4712/' });
  });

  it('maps sightings to the sighting identity and takes the source from created_by_ref', async () => {
    const r = await parseText(stixFormat, fixture('stix20-sighting-of-an-indicator.json'));
    expect(r.rows.sightings).toEqual([expect.objectContaining({
      id: 'sighting--8356e820-8080-4692-aa91-ecbe94006833', sighting_of_ref: 'indicator--9299f726-ce06-492e-8472-2b52ccb53191',
      org: 'Beta Cyber Intelligence Company', count: 1, first_seen: Date.parse('2017-02-27T21:37:11.213Z') / 1000 })]);
    expect(r.rows.indicators[0].source).toBe('Alpha Threat Analysis Org.');
  });

  it('refuses the pre-release draft layout that cannot be upgraded', async () => {
    await expect(parseText(stixFormat, fixture('stix20-draft-indicator-to-campaign.json'))).rejects.toThrow(/draft layout.*cannot be upgraded/);
  });
});

describe('TLP markings', () => {
  const marked = (ref: string) => ({ type: 'bundle', id: `bundle--${uuid(1)}`, objects: [{
    type: 'indicator', spec_version: '2.1', id: `indicator--${uuid(2)}`, created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z',
    pattern: "[domain-name:value = 'evil.example']", pattern_type: 'stix', valid_from: '2020-01-01T00:00:00Z', object_marking_refs: [ref] }] });
  it.each([
    ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', 'clear'], // TLP 1.0 white
    ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'green'],
    ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', 'amber'],
    ['marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'red'],
    ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'clear'], // TLP 2.0
    ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'green'],
    ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'amber'],
    ['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'amber+strict'],
    ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'red'],
  ])('%s → %s', async (ref, tlp) => {
    const r = await parseText(stixFormat, JSON.stringify(marked(ref)), { tlp: 'clear' });
    expect(r.rows.indicators[0].tlp).toBe(tlp);
    expect(r.rows.intel_objects[0].tlp).toBe(tlp);
  });
  it('uses the input TLP when an object carries no marking, amber by default', async () => {
    const b = marked('x'); delete (b.objects[0] as Record<string, unknown>).object_marking_refs;
    expect((await parseText(stixFormat, JSON.stringify(b), { tlp: 'green' })).rows.indicators[0].tlp).toBe('green');
    expect((await parseText(stixFormat, JSON.stringify(b))).rows.indicators[0].tlp).toBe('amber');
  });
});

describe('indicators, actors and malformed input', () => {
  const base = { created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z', spec_version: '2.1' };
  const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: `bundle--${uuid(9)}`, objects });

  it('ties indicators to intrusion sets via indicates and keeps ATT&CK ids and aliases', async () => {
    const objs = [
      { ...base, type: 'intrusion-set', id: `intrusion-set--${uuid(1)}`, name: 'BRONZE BUTLER', aliases: ['Tick', 'REDBALDKNIGHT'],
        external_references: [{ source_name: 'mitre-attack', external_id: 'G0060' }] },
      { ...base, type: 'intrusion-set', id: `intrusion-set--${uuid(5)}`, name: 'Other' },
      { ...base, type: 'indicator', id: `indicator--${uuid(2)}`, pattern_type: 'stix', valid_from: '2020-01-01T00:00:00Z', valid_until: '2021-01-01T00:00:00Z',
        confidence: 80, pattern: "[ipv4-addr:value = '203.0.113.5'] OR [domain-name:value = 'c2.example'] OR [file:hashes.'SHA-256' = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855']" },
      { ...base, type: 'relationship', id: `relationship--${uuid(3)}`, relationship_type: 'indicates', source_ref: `indicator--${uuid(2)}`, target_ref: `intrusion-set--${uuid(1)}` },
      { ...base, type: 'indicator', id: `indicator--${uuid(4)}`, pattern_type: 'stix', valid_from: '2020-01-01T00:00:00Z',
        pattern: "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_port = 443]" },
      { ...base, type: 'indicator', id: `indicator--${uuid(6)}`, pattern_type: 'stix', valid_from: '2020-01-01T00:00:00Z',
        pattern: "[ipv4-addr:value ISSUBSET '198.51.100.0/24' OR network-traffic:dst_ref.value = '2001:db8::5']" },
    ];
    const r = await parseText(stixFormat, bundle(objs));
    const inds = r.rows.indicators;
    expect(inds.slice(0, 3).map((x) => [x.type, x.value, x.intrusion_set, x.confidence])).toEqual([
      ['ipv4', '203.0.113.5', `intrusion-set--${uuid(1)}`, 80], ['domain', 'c2.example', `intrusion-set--${uuid(1)}`, 80],
      ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', `intrusion-set--${uuid(1)}`, 80]]);
    expect(inds[0].valid_until).toBe(Date.parse('2021-01-01T00:00:00Z') / 1000);
    expect(inds[3]).toMatchObject({ type: 'other', intrusion_set: null });
    expect(inds.slice(4).map((x) => [x.type, x.value])).toEqual([['cidr', '198.51.100.0/24'], ['ipv6', '2001:db8::5']]);
    expect(r.rows.intel_objects[0]).toMatchObject({ external_ids: ['G0060'], aliases: ['Tick', 'REDBALDKNIGHT'] });
  });

  it('rejects bad objects with their index and id, keeps the rest', async () => {
    const r = await parseText(stixFormat, bundle([
      { ...base, type: 'malware', id: 'malware--nope', name: 'x' },
      { ...base, type: 'relationship', id: `relationship--${uuid(1)}`, source_ref: 'a' },
      { ...base, type: 'tool', id: `tool--${uuid(2)}`, name: 'ok', spec_version: '3.0' },
      { ...base, type: 'tool', id: `tool--${uuid(3)}`, name: 'ok' },
      { ...base, type: 'indicator', id: `indicator--${uuid(4)}`, pattern: "[url:value = 'http://a.example/']", valid_from: 'yesterday' },
    ]));
    expect(r.read).toBe(5);
    expect(r.rejects.map((x) => x.reason)).toEqual([
      expect.stringMatching(/^objects\[0\] \(malware--nope\): id .* is not malware--<uuid>/),
      expect.stringMatching(/^objects\[1\].*relationship without/),
      expect.stringMatching(/^objects\[2\].*unsupported spec_version '3.0'/),
      expect.stringMatching(/^objects\[4\].*valid_from is not a timestamp: 'yesterday'/)]);
    expect(r.rows.indicators).toEqual([]);
    expect(r.rows.intel_objects).toHaveLength(1);
  });

  it.each([
    ['{"type": "bundle", "objects": [', /not valid JSON/],
    ['<stix:STIX_Package/>', /STIX 1.x XML/],
    ['{"type":"bundle","spec_version":"1.2","objects":[]}', /unsupported STIX bundle spec_version/],
    ['{"hello": 1}', /not a STIX bundle/],
    ['{"type":"bundle","id":"bundle--1","objects":[{"type":"indicator","id":"x"}]}', /no usable STIX object: objects\[0\]/],
  ])('refuses %s as a whole file', async (text, msg) => {
    const p = parseText(stixFormat, text);
    await expect(p).rejects.toBeInstanceOf(WrongFormatError);
    await expect(p).rejects.toThrow(msg);
  });
});

describe('real STIX 2.0: Unit 42 adversary playbooks (test/fixtures/intel-unit42)', () => {
  const unit42 = (name: string) => readFileSync(new URL(`../../../test/fixtures/intel-unit42/${name}`, import.meta.url));

  it('reads the whole Chafer playbook: no spec_version on objects, kill_chain_phases, PRE-ATT&CK ids, reports', async () => {
    const r = await parseText(stixFormat, unit42('chafer.json'));
    expect(r.rejects).toEqual([]);
    expect(r.read).toBe(35);
    const byType = (t: string) => r.rows.intel_objects.filter((o) => o.type === t);
    expect(byType('attack-pattern').map((o) => o.external_ids).sort()).toEqual(
      [['T1057'], ['T1064'], ['T1094'], ['T1105'], ['T1132'], ['T1328'], ['T1345']]);
    const buyDomain = byType('attack-pattern').find((o) => (o.external_ids as string[])[0] === 'T1328')!.raw as Record<string, unknown>;
    expect(buyDomain).toMatchObject({ spec_version: '2.1', kill_chain_phases: [
      { phase_name: 'establish-&-maintain-infrastructure', kill_chain_name: 'mitre-pre-attack' }, { phase_name: 'weaponization', kill_chain_name: 'lockheed' }] });
    expect(byType('malware')[0]).toMatchObject({ name: 'Mechaflounder', raw: expect.objectContaining({ is_family: true, malware_types: ['backdoor'] }) });
    expect(byType('report').map((o) => (o.raw as { object_refs: string[] }).object_refs.length).sort()).toEqual([2, 33]);
    expect(r.rows.intel_relations).toHaveLength(20);
    expect(r.rows.intel_relations.filter((x) => x.relationship_type === 'attributed-to').map((x) => String(x.source_ref).split('--')[0]).sort())
      .toEqual(['campaign', 'report']);
    // Both indicators reach the group only through the campaign (indicates → campaign attributed-to intrusion set).
    expect(r.rows.indicators.map((i) => [i.type, i.intrusion_set])).toEqual([
      ['domain', 'intrusion-set--98e7093d-a86a-44b5-b7b3-d89ca457ec78'], ['sha256', 'intrusion-set--98e7093d-a86a-44b5-b7b3-d89ca457ec78']]);
  });

  it.each(['inception', 'patchwork', 'emissary-panda', 'darkhydrus', 'menupass', 'rancor', 'reaper', 'dragonok', 'oilrig', 'cobalt-gang'])('accepts every object of the %s extract', async (g) => {
    const r = await parseText(stixFormat, unit42(`${g}.extract.json`));
    expect(r.rejects).toEqual([]);
    expect(r.rows.intel_objects).toHaveLength(r.read);
    expect(r.rows.intel_objects.filter((o) => o.type === 'intrusion-set')).toHaveLength(1);
    expect(r.rows.intel_objects.filter((o) => o.type === 'attack-pattern').every((o) => /^T\d{4}$/.test((o.external_ids as string[])[0]))).toBe(true);
  });
});
