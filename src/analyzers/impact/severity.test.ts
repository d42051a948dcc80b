import { describe, expect, it } from 'vitest';
import { severityOf, type ImpactFacts } from './severity.ts';

const base: ImpactFacts = { infrastructure: 1, established: 0, attempts: 0, inbound: 0, bytesUp: 0, beacons: 0, relayedSessions: 0 };
const rules = { exfilBytes: 50 * 1048576 };

describe('severityOf', () => {
  it.each([
    [{ bytesUp: 60 * 1048576 }, 'critical', /exfiltration/],
    [{ relayedSessions: 1 }, 'critical', /relayed/],
    [{ beacons: 2, established: 30 }, 'high', /beaconing/],
    [{ established: 3 }, 'high', /established/],
    [{ attempts: 40, inbound: 40 }, 'medium', /attempt/],
    [{ attempts: 1 }, 'low', /1 attacker endpoint/],
  ] as Array<[Partial<ImpactFacts>, string, RegExp]>)('%j → %s', (facts, level, why) => {
    const r = severityOf({ ...base, ...facts }, rules);
    expect(r.level).toBe(level);
    expect(r.reasons.join(' ')).toMatch(why);
  });
});
