// shared-infra: subject = external endpoint (IP). Truth = the group's server addresses. A finding counts as a
// positive at score ≥ POSITIVE; domain findings are reported separately (extra), not in tp/fp/fn.
import { parseIp } from '../../../src/core/ip.ts';
import { compareSets, type Scorer } from './types.ts';

export const POSITIVE = 0.5;

export const sharedInfra: Scorer = (findings, truth) => {
  const ipFindings = findings.filter((f) => f.kind === 'endpoint' && parseIp(f.subject) !== null);
  const predicted = new Set(ipFindings.filter((f) => f.score >= POSITIVE).map((f) => parseIp(f.subject)!.text));
  const servers = new Set(truth.attacker_servers.map((s) => s.ip));
  const base = compareSets(predicted, servers);
  const ranked = [...ipFindings].sort((a, b) => b.score - a.score).slice(0, servers.size).map((f) => parseIp(f.subject)!.text);
  const scanners = truth.research_scanners.map((s) => s.ip).filter((ip) => predicted.has(ip)).length;
  const domains = new Set(truth.attacker_servers.map((s) => s.c2_domain));
  const domainHits = findings.filter((f) => f.score >= POSITIVE && domains.has(f.subject)).length;
  return {
    ...base,
    extra: {
      [`precision@${servers.size}`]: ranked.filter((ip) => servers.has(ip)).length / Math.max(1, servers.size),
      scanners_flagged: scanners,
      c2_domains_flagged: `${domainHits}/${domains.size}`,
    },
  };
};
