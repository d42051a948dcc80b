import { describe, expect, it } from 'vitest';
import { itemIndex, type IntelLinkRow } from './intel-graph.ts';
import { reportLinks, type ObjectRow } from './report-links.ts';

const obj = (id: string, name: string | null = null, actor: string | null = null, ext: string[] = []): ObjectRow =>
  ({ id, type: id.split('--')[0], name, external_ids: JSON.stringify(ext), actor });
const link = (rel: string, s: ObjectRow, t: ObjectRow): IntelLinkRow => ({
  rel, s_id: s.id, s_type: s.type, s_name: s.name, s_ext: String(s.external_ids), s_actor: s.actor,
  t_id: t.id, t_type: t.type, t_name: t.name, t_ext: String(t.external_ids), t_actor: t.actor,
});

const tick = obj('intrusion-set--1', 'Tick', 'actor:tick');
const apt10 = obj('intrusion-set--2', 'APT10', 'actor:apt10');
const campaign = obj('campaign--1', 'play 1');
const stray = obj('campaign--2', 'unattributed play');
const t1105 = obj('attack-pattern--1', 'T1105: Remote File Copy', null, ['T1105']);
const t1113 = obj('attack-pattern--2', 'T1113: Screen Capture', null, ['T1113']);
const plugx = obj('malware--1', 'PlugX');
const indicator = obj('indicator--1', 'evil.example');
const report = obj('report--1', 'playbook');
const objects = new Map([tick, apt10, campaign, stray, t1105, t1113, plugx, indicator, report].map((o) => [o.id, o]));
const actorsOf = (links: IntelLinkRow[]) => Object.fromEntries([...itemIndex(links).items.values()].map((i) => [i.key, [...i.actors].sort()]));

describe('itemIndex: campaigns and reports', () => {
  it.each([
    ['campaign attributed-to actor: what the campaign uses is the actor\'s',
      [link('attributed-to', campaign, tick), link('uses', campaign, t1105), link('indicates', indicator, campaign)],
      { 'campaign:play 1': ['actor:tick'], T1105: ['actor:tick'], 'indicator:evil.example': ['actor:tick'] }],
    ['a campaign tied to no actor ties nothing',
      [link('uses', stray, t1105)], {}],
    ['only attribution (not e.g. targets) makes a campaign the actor\'s for the hop',
      [link('related-to', tick, campaign), link('uses', campaign, t1113)], { 'campaign:play 1': ['actor:tick'] }],
    ['a report attributed to an actor is not an item a victim could sight',
      [link('attributed-to', report, tick)], {}],
    ['two actors on one technique keep both',
      [link('uses', tick, t1105), link('uses', apt10, t1105)], { T1105: ['actor:apt10', 'actor:tick'] }],
  ] as const)('%s', (_, links, want) => {
    expect(actorsOf([...links])).toEqual(want);
  });
});

describe('reportLinks', () => {
  const rep = (id: string, refs: string[]) => ({ id, raw: JSON.stringify({ type: 'report', id, object_refs: refs }) });

  it('a report naming one actor ties its malware, techniques and campaigns (and, through the campaign, what it uses)', () => {
    const links = reportLinks([rep('report--2', [tick.id, campaign.id, plugx.id, t1113.id, indicator.id, 'relationship--9'])], objects);
    expect(links.map((l) => [l.rel, l.s_id, l.t_id])).toEqual([
      ['report-ref', tick.id, campaign.id], ['report-ref', tick.id, plugx.id], ['report-ref', tick.id, t1113.id]]);
    expect(actorsOf([...links, link('uses', campaign, t1105)])).toEqual({
      'campaign:play 1': ['actor:tick'], 'malware:plugx': ['actor:tick'], T1113: ['actor:tick'], T1105: ['actor:tick'] });
  });

  it.each([
    ['names two actors', [tick.id, apt10.id, plugx.id]],
    ['names no actor', [plugx.id, t1105.id]],
    ['names an actor object not yet resolved to an actor', [obj('intrusion-set--9').id, plugx.id]],
  ])('ties nothing when the report %s', (_, refs) => {
    const objs = new Map(objects).set('intrusion-set--9', obj('intrusion-set--9', 'X'));
    expect(reportLinks([rep('report--3', refs)], objs)).toEqual([]);
  });

  it('several objects of the same resolved actor count as one actor; repeated report rows count once', () => {
    const tick2 = obj('intrusion-set--3', 'BRONZE BUTLER', 'actor:tick');
    const objs = new Map(objects).set(tick2.id, tick2);
    const r = rep('report--4', [tick.id, tick2.id, plugx.id]);
    expect(reportLinks([r, r, { id: r.id, raw: JSON.parse(r.raw) }], objs)).toHaveLength(1);
  });
});
