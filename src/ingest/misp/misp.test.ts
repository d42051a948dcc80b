import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WrongFormatError } from '../contract.ts';
import { parseText } from '../iocs/testing.ts';
import { mispFormat } from './format.ts';

const sednit = readFileSync(new URL('./fixtures/circl-sednit-event-trimmed.json', import.meta.url), 'utf8');
const U = (n: number) => `5a3c2fcd-0000-4000-8000-${String(n).padStart(12, '0')}`;

function event(extra: Record<string, unknown> = {}) {
  return {
    uuid: U(1), info: 'Tick campaign', Orgc: { name: 'CERT-X' },
    Tag: [{ name: 'tlp:amber' }, { name: 'misp-galaxy:threat-actor="Tick"' }],
    Attribute: [
      { type: 'ip-dst|port', value: '203.0.113.5|443', to_ids: true, category: 'Network activity', uuid: U(2) },
      { type: 'filename|sha256', value: 'a.exe|E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', to_ids: true, category: 'Payload delivery' },
      { type: 'hostname', value: 'c2[.]example', to_ids: true, category: 'Network activity', Tag: [{ name: 'tlp:red' }] },
      { type: 'ip-dst', value: 'not-an-ip', to_ids: true, category: 'Network activity', uuid: U(3) },
      { type: 'comment', value: 'context only', to_ids: false },
      { type: 'domain', value: 'benign.example', to_ids: false },
    ],
    Object: [{ name: 'domain-ip', Attribute: [{ type: 'domain', value: 'obj.example', to_ids: true, category: 'Network activity' }] }],
    ...extra,
  };
}

describe('MISP events', () => {
  it('reads attributes, composite types, object attributes, tags and TLP (wrapped)', async () => {
    const r = await parseText(mispFormat, JSON.stringify({ Event: event() }));
    expect(r.read).toBe(1 + 7);
    expect(r.rows.indicators.map((x) => [x.type, x.value, x.tlp])).toEqual([
      ['ipv4', '203.0.113.5', 'amber'],
      ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'amber'],
      ['domain', 'c2.example', 'red'],
      ['domain', 'benign.example', 'amber'],
      ['domain', 'obj.example', 'amber'],
    ]);
    const notForIds = r.rows.indicators[3];
    expect(notForIds).toMatchObject({ confidence: 15 });
    expect(notForIds.labels).toContain('misp:to_ids=false');
    expect(r.rows.indicators[0]).toMatchObject({ confidence: null });
    expect(r.rows.indicators.every((x) => x.source === 'misp:CERT-X')).toBe(true);
    const actor = r.rows.intel_objects.find((o) => o.type === 'intrusion-set')!;
    expect(actor.name).toBe('Tick');
    expect(r.rows.indicators.every((x) => x.intrusion_set === actor.id)).toBe(true);
    expect(r.rows.indicators[4].labels).toContain('object:domain-ip');
    expect(r.rejects).toEqual([expect.objectContaining({ reason: expect.stringMatching(/Attribute\[3\].*ip-dst/) })]);
  });

  it('accepts bare events, lists and {"response": [...]}', async () => {
    for (const doc of [event(), [{ Event: event() }], { response: [{ Event: event() }, { Event: event({ uuid: U(9) }) }] }]) {
      const r = await parseText(mispFormat, JSON.stringify(doc));
      expect(r.rows.indicators.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('regroups an attribute search response ({"response": {"Attribute": [...]}}) under its events', async () => {
    const ctx = (n: number, info: string) => ({ id: String(n), info, uuid: U(100 + n), orgc_id: '1' });
    const doc = { response: { Attribute: [
      { id: '1', event_id: '7', type: 'ip-dst', category: 'Network activity', value: '198.51.100.7', to_ids: true, uuid: U(11), Event: ctx(7, 'C2 of campaign A') },
      { id: '2', event_id: '8', type: 'domain', category: 'Network activity', value: 'evil.example', to_ids: true, uuid: U(12), Event: ctx(8, 'campaign B') },
      { id: '3', event_id: '7', type: 'sha256', category: 'Payload delivery', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', to_ids: true, uuid: U(13), Event: ctx(7, 'C2 of campaign A') },
    ] } };
    const text = JSON.stringify(doc);
    expect(mispFormat.sniff(Buffer.from(text), 'search.json')).toBeGreaterThanOrEqual(0.9);
    const r = await parseText(mispFormat, text);
    expect(r.rows.intel_objects.filter((o) => o.type === 'report').map((o) => o.name).sort()).toEqual(['C2 of campaign A', 'campaign B']);
    expect(r.rows.indicators.map((i) => i.value).sort()).toEqual(['198.51.100.7', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'evil.example']);
    expect(r.read).toBe(2 + 3);
  });

  it('reads the real CIRCL Sednit event: 7 IDS domains, Sofacy with its synonyms, TLP:WHITE → clear', async () => {
    const r = await parseText(mispFormat, sednit);
    expect(r.rejects).toEqual([]);
    expect(r.rows.indicators.map((x) => x.value)).toEqual(['movieultimate.com', 'meteost.com', 'faststoragefiles.org',
      'nethostnet.com', 'fsportal.net', 'fastdataexchange.org', 'newfilmts.com']);
    expect(r.rows.indicators.every((x) => x.tlp === 'clear')).toBe(true);
    const sofacy = r.rows.intel_objects.find((o) => o.name === 'Sofacy')!;
    expect(sofacy.type).toBe('intrusion-set');
    expect(sofacy.aliases).toContain('Fancy Bear');
    expect(r.rows.intel_objects.find((o) => o.name === 'GAMEFISH')!.type).toBe('tool');
    expect(r.rows.indicators[0].intrusion_set).toBe(sofacy.id);
  });

  it('reads MITRE galaxy ids from "Name - G0045" cluster values', async () => {
    const ev = event({ Galaxy: [{ type: 'mitre-intrusion-set', GalaxyCluster: [{ type: 'mitre-intrusion-set', value: 'menuPass - G0045',
      tag_name: 'misp-galaxy:mitre-intrusion-set="menuPass - G0045"', meta: { synonyms: ['APT10', 'Stone Panda'] } }] }], Tag: [] });
    const r = await parseText(mispFormat, JSON.stringify(ev));
    expect(r.rows.intel_objects.find((o) => o.name === 'menuPass')).toMatchObject({ external_ids: ['G0045'], aliases: ['APT10', 'Stone Panda'] });
  });

  it('turns ATT&CK technique and tool tags into intel objects, never into actors', async () => {
    const ev = event({ Tag: [{ name: 'misp-galaxy:mitre-attack-pattern="Spearphishing Attachment - T1193"' },
      { name: 'misp-galaxy:tool="PlugX"' }, { name: 'misp-galaxy:threat-actor="APT10"' }] });
    const r = await parseText(mispFormat, JSON.stringify(ev));
    const byName = (n: string) => r.rows.intel_objects.find((o) => o.name === n);
    expect(byName('Spearphishing Attachment')).toMatchObject({ type: 'attack-pattern', external_ids: ['T1193'] });
    expect(byName('PlugX')).toMatchObject({ type: 'tool' });
    expect(r.rows.indicators.every((x) => x.intrusion_set === byName('APT10')!.id)).toBe(true);
  });

  it('rejects an event without uuid/info together with its attributes', async () => {
    const r = await parseText(mispFormat, JSON.stringify([{ Event: event() }, { Event: { Attribute: [{ type: 'domain', value: 'x.example' }] } }]));
    expect(r.read).toBe(8 + 2);
    expect(r.rejects.filter((x) => /Event\[1\]/.test(x.reason))).toHaveLength(2);
  });

  it.each([
    ['{"Event": ', /not valid JSON/],
    ['{"hello": 1}', /not a MISP event/],
    ['[]', /no MISP events/],
    ['"text"', /not a MISP event/],
  ])('refuses %s as a whole file', async (text, msg) => {
    const p = parseText(mispFormat, text);
    await expect(p).rejects.toBeInstanceOf(WrongFormatError);
    await expect(p).rejects.toThrow(msg);
  });

  it('sniffs MISP but not STIX', () => {
    expect(mispFormat.sniff(Buffer.from('{"Event": {"info": "x"}}'), 'e.json')).toBeGreaterThan(0.9);
    expect(mispFormat.sniff(Buffer.from(sednit.slice(0, 4096)), 'e.json')).toBeGreaterThan(0.5);
    expect(mispFormat.sniff(Buffer.from('{"type": "bundle", "objects": []}'), 'b.json')).toBe(0);
  });
});
