import { describe, expect, it } from 'vitest';
import { sdoId, priorIntelBundle, ACTORS, SOFTWARE, type IndicatorPlan } from './stix.ts';
import { Rng } from './random.ts';

const inds: IndicatorPlan[] = [
  { key: 'i1', type: 'ipv4', value: '203.0.113.9', from: 1.47e9, until: 1.48e9, verdict: 'correct', note: '' },
  { key: 'i2', type: 'domain', value: 'c2.example', from: 1.47e9, until: null, verdict: 'wrong', note: '' },
];
type Obj = Record<string, unknown>;
const usesOf = (b: { objects: Obj[] }, actor: string) => b.objects
  .filter((o) => o.type === 'relationship' && o.relationship_type === 'uses' && o.source_ref === actor).map((o) => o.target_ref);

describe('prior intel bundle', () => {
  it('full: the group with its own malware, techniques, indicators (valid windows) and shared tools', () => {
    const b = priorIntelBundle(new Rng(1), 'full', inds, 1.46e9) as { type: string; objects: Obj[] };
    expect(b.type).toBe('bundle');
    for (const o of b.objects) expect(o.spec_version).toBe('2.1');
    const tick = sdoId(ACTORS[0]);
    const tickSet = b.objects.find((o) => o.id === tick)!;
    expect(tickSet.aliases).toEqual(['Tick', 'BRONZE BUTLER', 'REDBALDKNIGHT']);
    expect(JSON.stringify(tickSet.external_references)).toContain('G0060');
    expect(usesOf(b, tick)).toContain(sdoId(SOFTWARE[0]));
    const ipInd = b.objects.find((o) => o.type === 'indicator' && String(o.pattern).includes('203.0.113.9'))!;
    expect(ipInd.valid_until).toBeDefined();
    expect(b.objects.filter((o) => o.type === 'intrusion-set').length).toBe(3);
  });

  it('shared-tools-only: the group is tied only to tools every actor uses, and no indicators', () => {
    const b = priorIntelBundle(new Rng(1), 'shared-tools-only', inds, 1.46e9) as { objects: Obj[] };
    const tick = sdoId(ACTORS[0]);
    const names = usesOf(b, tick).map((id) => b.objects.find((o) => o.id === id)?.name);
    expect(names.sort()).toEqual(['Cobalt Strike', 'Mimikatz', 'PsExec']);
    expect(b.objects.some((o) => o.type === 'indicator')).toBe(false);
    const menupass = sdoId(ACTORS[1]);
    expect(usesOf(b, menupass).length).toBeGreaterThan(3);
  });
});
