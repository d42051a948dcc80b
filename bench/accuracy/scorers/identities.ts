// identities: pairwise over accounts. Truth pairs: accounts of the same person (decoys are their own
// persons, so a decoy joined to the operator counts as false pairs). Predicted pairs: accounts in one
// identity-cluster finding. Extra: how many predicted pairs join a decoy to someone else.
import type { Finding } from '../../../src/core/types.ts';
import type { GroundTruth } from '../../../src/sim/ground-truth.ts';
import type { Score } from './types.ts';

const norm = (s: string) => s.toLowerCase();

export const identities = (findings: Finding[], truth: GroundTruth): Score => {
  const personOf = new Map<string, string>();
  const decoy = new Set<string>();
  for (const p of truth.persons) {
    for (const a of p.accounts) { personOf.set(norm(a), p.id); if (p.decoy) decoy.add(norm(a)); }
  }
  let truePairs = 0;
  for (const p of truth.persons) truePairs += (p.accounts.length * (p.accounts.length - 1)) / 2;
  let tp = 0;
  let fp = 0;
  let decoyJoined = 0;
  for (const f of findings.filter((x) => x.kind === 'identity-cluster')) {
    const ids = (f.details.accounts as string[]).map(norm);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [personOf.get(ids[i]), personOf.get(ids[j])];
        if (a !== undefined && a === b) tp++;
        else { fp++; if (decoy.has(ids[i]) || decoy.has(ids[j])) decoyJoined++; }
      }
    }
  }
  return { tp, fp, fn: truePairs - tp, extra: { persons: truth.persons.length, decoy_pairs_joined: decoyJoined } };
};
