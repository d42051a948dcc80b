// attribution: one decision per seed. With full prior intel the true actor must rank first with confident
// words (tp; another actor confidently first = fp; otherwise fn). With shared-tools-only intel the right
// answer is "no confident attribution" (tp), anything confident is a fp.
import type { Scorer } from './types.ts';

export const attribution: Scorer = (findings, truth) => {
  const names = new Set([truth.actor.name, ...truth.actor.aliases].map((n) => n.toLowerCase()));
  const top = findings.filter((f) => f.kind === 'actor').sort((a, b) => b.score - a.score)[0];
  const confident = top && top.details.confidence !== 'unlikely';
  const abstained = findings.some((f) => f.kind === 'no-confident-attribution');
  const extra = { top: top ? `${top.subject} (${top.details.confidence})` : 'none', abstained: String(abstained) };
  if (truth.prior_intel.variant === 'shared-tools-only') return { tp: abstained && !confident ? 1 : 0, fp: confident ? 1 : 0, fn: abstained || confident ? 0 : 1, extra };
  if (top && confident && names.has(top.subject.toLowerCase())) return { tp: 1, fp: 0, fn: 0, extra };
  return { tp: 0, fp: confident ? 1 : 0, fn: 1, extra };
};
