// Severity of what happened at one victim, with the reasons that set it (pure, table-tested).
export type Severity = 'critical' | 'high' | 'medium' | 'low';

export interface ImpactFacts {
  infrastructure: number; established: number; attempts: number; inbound: number;
  bytesUp: number; beacons: number; relayedSessions: number;
}

export interface SeverityRules { exfilBytes: number }

export function severityOf(f: ImpactFacts, rules: SeverityRules): { level: Severity; reasons: string[] } {
  const reasons: string[] = [];
  if (f.bytesUp >= rules.exfilBytes) reasons.push(`${(f.bytesUp / 1048576).toFixed(1)} MiB sent to attacker infrastructure (exfiltration suspected)`);
  if (f.relayedSessions > 0) reasons.push(`${f.relayedSessions} interactive session(s) relayed through rented servers reached this network`);
  if (reasons.length) return { level: 'critical', reasons };
  if (f.beacons > 0) reasons.push(`${f.beacons} internal host/endpoint pair(s) beaconing to attacker infrastructure`);
  if (f.established > 0) reasons.push(`${f.established} established session(s) with attacker infrastructure`);
  if (reasons.length) return { level: 'high', reasons };
  if (f.attempts > 0 && f.inbound > 0) return { level: 'medium', reasons: [`${f.attempts} connection attempt(s) from attacker infrastructure (scanning/exploitation), none established`] };
  return { level: 'low', reasons: [`${f.infrastructure} attacker endpoint(s) seen in ${f.attempts + f.established} flow(s)`] };
}
