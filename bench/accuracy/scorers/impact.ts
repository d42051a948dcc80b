// impact: which victims were touched (org-level tp/fp/fn) and whether first/last contact match the truth
// within one minute (extra).
import { compareSets, type Scorer } from './types.ts';

export const TOLERANCE_S = 60;

export const impact: Scorer = (findings, truth) => {
  const found = new Map(findings.filter((f) => f.kind === 'victim-impact').map((f) => [f.subject, f]));
  const victims = new Map(truth.victims.map((v) => [v.org, v]));
  const base = compareSets(new Set(found.keys()), new Set(victims.keys()));
  let firstOk = 0, lastOk = 0, both = 0;
  for (const [org, v] of victims) {
    const f = found.get(org);
    if (!f) continue;
    both++;
    if (f.first_seen != null && Math.abs(f.first_seen - v.first_seen) <= TOLERANCE_S) firstOk++;
    if (f.last_seen != null && Math.abs(f.last_seen - v.last_seen) <= TOLERANCE_S) lastOk++;
  }
  return { ...base, extra: { first_seen_within_60s: `${firstOk}/${both}`, last_seen_within_60s: `${lastOk}/${both}` } };
};
