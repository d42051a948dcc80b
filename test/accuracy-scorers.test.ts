import { describe, expect, it } from 'vitest';
import { makeFinding } from '../src/analyzers/finding.ts';
import type { GroundTruth } from '../src/sim/ground-truth.ts';
import { prf, SCORERS } from '../bench/accuracy/scorers/index.ts';
import { compareSets } from '../bench/accuracy/scorers/types.ts';

describe('accuracy scorers', () => {
  it.each([
    [{ tp: 5, fp: 0, fn: 0 }, 1, 1, 1],
    [{ tp: 3, fp: 1, fn: 1 }, 0.75, 0.75, 0.75],
    [{ tp: 0, fp: 2, fn: 4 }, 0, 0, 0],
    [{ tp: 0, fp: 0, fn: 0 }, 1, 1, 1],
    [{ tp: 1, fp: 3, fn: 0 }, 0.25, 1, 0.4],
  ])('prf(%o)', (s, p, r, f1) => {
    const m = prf(s);
    expect(m.precision).toBeCloseTo(p, 9);
    expect(m.recall).toBeCloseTo(r, 9);
    expect(m.f1).toBeCloseTo(f1, 9);
  });

  it('compares sets', () => {
    expect(compareSets(new Set(['a', 'b', 'x']), new Set(['a', 'b', 'c']))).toEqual({ tp: 2, fp: 1, fn: 1 });
  });

  it('scores shared-infra findings against attacker server IPs', () => {
    const truth = {
      attacker_servers: [{ ip: '203.0.113.5', c2_domain: 'c2.example' }, { ip: '198.51.100.9', c2_domain: 'd.example' }],
      research_scanners: [{ ip: '198.19.60.10', name: 's' }],
    } as unknown as GroundTruth;
    const f = (subject: string, score: number) => makeFinding({ analyzer: 'shared-infra', kind: 'endpoint', subject, score, first_seen: null, last_seen: null, details: {} });
    const s = SCORERS['shared-infra']([f('203.0.113.5', 0.9), f('198.19.60.10', 0.7), f('198.51.100.9', 0.3), f('c2.example', 0.8)], truth);
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.extra).toMatchObject({ scanners_flagged: 1, 'c2_domains_flagged': '1/2', 'precision@2': 0.5 });
  });
});

describe('beacons scorer', () => {
  it('matches findings to beacon pairs by org, host, address and port', () => {
    const truth = {
      beacons: [{ org: 'org-001', host: '10.0.1.5', ip: '203.0.113.5', dport: 443 }, { org: 'org-002', host: '198.18.1.9', ip: '203.0.113.5', dport: 80 }],
      benign_periodic: [{ dst: '198.19.48.10', note: '' }],
    } as unknown as GroundTruth;
    const f = (subject: string, score: number) => makeFinding({ analyzer: 'beacons', kind: 'beacon', subject, score, first_seen: null, last_seen: null, details: {} });
    const s = SCORERS.beacons([f('org-001|10.0.1.5→203.0.113.5:443', 0.9), f('org-003|10.0.0.2→198.19.48.10:443', 0.8), f('org-002|198.18.1.9→203.0.113.5:80', 0.2)], truth);
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 1, extra: { update_agents_flagged: 1 } });
  });
});
