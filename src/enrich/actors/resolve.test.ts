import { describe, expect, it } from 'vitest';
import { normaliseActorName, resolveActorGroups, type ActorInput } from './resolve.ts';

const o = (id: string, type: string, name: string, aliases: string[] = [], external_ids: string[] = []): ActorInput =>
  ({ id, type, name, aliases, external_ids });

describe('normaliseActorName', () => {
  it.each([['APT 10', 'apt10'], ['apt-10', 'apt10'], ['ＡＰＴ１０', 'apt10'], ['BRONZE BUTLER', 'bronzebutler'], ['Stone_Panda', 'stonepanda']])(
    '%s → %s', (a, b) => expect(normaliseActorName(a)).toBe(b));
});

describe('resolveActorGroups', () => {
  const intel = [
    o('intrusion-set--a', 'intrusion-set', 'BRONZE BUTLER', ['Tick', 'REDBALDKNIGHT'], ['G0060']),
    o('intrusion-set--b', 'intrusion-set', 'Tick'), // IOC list group label
    o('threat-actor--c', 'threat-actor', 'REDBALDKNIGHT'),
    o('intrusion-set--d', 'intrusion-set', 'menuPass', ['APT10', 'Stone Panda'], ['G0045']),
    o('intrusion-set--e', 'intrusion-set', 'Stone Panda', ['APT 10', 'Red Apollo']), // MISP galaxy
    o('intrusion-set--f', 'intrusion-set', 'Red Apollo'),
    o('intrusion-set--g', 'intrusion-set', 'APT28', [], ['G0007']),
    // both groups use PlugX and Mimikatz; tools (and MISP tool synonyms naming actors) must not join them
    o('malware--p', 'malware', 'PlugX', ['Korplug', 'Tick', 'menuPass']),
    o('tool--m', 'tool', 'Mimikatz', ['APT28', 'Stone Panda']),
  ];
  const actors = resolveActorGroups(intel);

  it('joins names, aliases and ATT&CK ids across sources', () => {
    const tick = actors.find((a) => a.members.includes('intrusion-set--b'))!;
    expect(tick).toMatchObject({ id: 'actor:G0060', name: 'BRONZE BUTLER', external_ids: ['G0060'] });
    expect(tick.members).toEqual(['intrusion-set--a', 'intrusion-set--b', 'threat-actor--c']);
    expect(tick.aliases).toEqual(['REDBALDKNIGHT', 'Tick']);
    const apt10 = actors.find((a) => a.members.includes('intrusion-set--f'))!;
    expect(apt10).toMatchObject({ id: 'actor:G0045', name: 'menuPass' });
    expect(apt10.members).toEqual(['intrusion-set--d', 'intrusion-set--e', 'intrusion-set--f']);
  });

  it('does not merge groups that merely share tools or malware', () => {
    expect(actors).toHaveLength(3);
    expect(actors.flatMap((a) => a.members)).not.toContain('malware--p');
    expect(actors.find((a) => a.id === 'actor:G0007')!.members).toEqual(['intrusion-set--g']);
  });

  it('gives an actor without ATT&CK id a name-based id, independent of input order', () => {
    const a = resolveActorGroups([o('intrusion-set--y', 'intrusion-set', 'Dark Cat'), o('intrusion-set--x', 'intrusion-set', 'DarkCat', ['Unit 1234'])]);
    const b = resolveActorGroups([o('intrusion-set--x', 'intrusion-set', 'DarkCat', ['Unit 1234']), o('intrusion-set--y', 'intrusion-set', 'Dark Cat')]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(1);
    expect(a[0].aliases).toContain('Unit 1234');
  });

  it('ignores very short names that would join unrelated groups', () => {
    expect(resolveActorGroups([o('intrusion-set--1', 'intrusion-set', 'Alpha', ['X']), o('intrusion-set--2', 'intrusion-set', 'Beta', ['x'])])).toHaveLength(2);
  });
});
