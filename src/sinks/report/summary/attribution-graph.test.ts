import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../../analyzers/finding.ts';
import { attributionGraph } from './attribution-graph.ts';
import { graphSvg } from './graph-svg.ts';

const f = (analyzer: string, kind: string, subject: string, details: Record<string, unknown>, score = 0.9) =>
  makeFinding({ analyzer, kind, subject, score, first_seen: 1, last_seen: 2, details });

const findings = [
  f('impact', 'victim-impact', 'org-1', { severity: 'high', infrastructure: [{ ip: '203.0.113.5', flows: 9 }] }),
  f('impact', 'victim-impact', 'org-2', { severity: 'critical', infrastructure: [{ ip: '203.0.113.5', flows: 2 }, { ip: '198.51.100.7', flows: 4 }] }),
  f('leases', 'lease-attribution', 'x', { ip: '203.0.113.5', provider: 'Kumo', account_id: 'K1' }),
  f('leases', 'lease-attribution', 'y', { ip: '192.0.2.99', provider: 'Kumo', account_id: 'K9' }),
  f('identities', 'identity-cluster', 'identity-abc', { accounts: ['Kumo:K1', 'Hanami:H2'], explanation: [{ field: 'email', agreement: 'similar-local' }, { field: 'name', agreement: 'disagree' }] }),
  f('attribution', 'actor', 'Tick', { confidence: 'likely', evidence: ['[1.000] org-1 SOC sighted indicator Tick infrastructure 203.0.113.5 ×3 — intel ties it to Tick', '[0.600] identity cluster identity-abc (2 accounts) rented 203.0.113.5'] }),
  f('attribution', 'actor', 'Other', { confidence: 'unlikely', evidence: ['[0.1] 198.51.100.7'] }, 0.1),
];

describe('attribution graph', () => {
  it('links victims ← infrastructure → accounts → identity and infrastructure/identity → confident actors only', () => {
    const g = attributionGraph(findings);
    const edges = g.edges.map((e) => `${e.from} > ${e.to}`).sort();
    expect(edges).toEqual([
      'account:Kumo:K1 > identity:identity-abc',
      'identity:identity-abc > actor:Tick',
      'infrastructure:198.51.100.7 > victim:org-2',
      'infrastructure:203.0.113.5 > account:Kumo:K1',
      'infrastructure:203.0.113.5 > actor:Tick',
      'infrastructure:203.0.113.5 > victim:org-1',
      'infrastructure:203.0.113.5 > victim:org-2',
    ]);
    expect(g.nodes.find((n) => n.id === 'identity:identity-abc')!.note).toBe('1 accounts; agree on email');
  });

  it('keeps the heaviest victims when there are too many to draw, and says how many are hidden', () => {
    const g = attributionGraph(findings, { victims: 1 });
    expect(g.nodes.filter((n) => n.column === 'victim').map((n) => n.label)).toEqual(['org-2']);
    expect(g.hidden.victim).toBe(1);
    expect(graphSvg(g)).toContain('+1 more not drawn');
  });
});
