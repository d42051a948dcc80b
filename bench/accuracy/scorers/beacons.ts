// beacons: subject = "org|internal host→external ip:port". Truth = the simulator's beacon pairs. A sensor
// behind NAT sees the implant under its public address (`host_public`), so either view of a true beacon
// counts: tp = true beacons flagged in at least one view, fp = flagged pairs that are no view of any true
// beacon, fn = true beacons flagged in no view. A finding is a positive at score ≥ POSITIVE (strobes too).
import type { Scorer } from './types.ts';

export const POSITIVE = 0.5;

export const beacons: Scorer = (findings, truth) => {
  const viewOf = new Map<string, number>();
  truth.beacons.forEach((b, i) => {
    for (const host of new Set([b.host, b.host_public])) viewOf.set(`${b.org}|${host}→${b.ip}:${b.dport}`, i);
  });
  const predicted = new Set(findings.filter((f) => f.score >= POSITIVE).map((f) => f.subject));
  const found = new Set<number>();
  let fp = 0;
  for (const s of predicted) {
    const i = viewOf.get(s);
    if (i === undefined) fp++;
    else found.add(i);
  }
  const benignPeriodic = new Set(truth.benign_periodic.map((b) => b.dst));
  const periodicFlagged = [...predicted].filter((s) => benignPeriodic.has(s.split('→')[1]?.split(':')[0] ?? '')).length;
  return { tp: found.size, fp, fn: truth.beacons.length - found.size, extra: { update_agents_flagged: periodicFlagged } };
};
