// beacons: subject = "org|internal host→external ip:port" (the sensor's view of the host). Truth = the
// simulator's beacon pairs; a finding counts as a positive at score ≥ POSITIVE (strobes included).
import { compareSets, type Scorer } from './types.ts';

export const POSITIVE = 0.5;

export const beacons: Scorer = (findings, truth) => {
  const pairs = new Set(truth.beacons.map((b) => `${b.org}|${b.host}→${b.ip}:${b.dport}`));
  const predicted = new Set(findings.filter((f) => f.score >= POSITIVE).map((f) => f.subject));
  const benignPeriodic = new Set(truth.benign_periodic.map((b) => b.dst));
  const periodicFlagged = [...predicted].filter((s) => benignPeriodic.has(s.split('→')[1]?.split(':')[0] ?? '')).length;
  return { ...compareSets(predicted, pairs), extra: { update_agents_flagged: periodicFlagged } };
};
