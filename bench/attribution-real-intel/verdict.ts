// Reading one trial's findings for one true group: its rank, the score margin to the best other actor, and
// what the analyzer concluded (confident and right, confident and wrong, or no confident attribution).
import type { Finding } from '../../src/core/types.ts';

export interface Outcome { rank: number | null; tied: number; margin: number; top: string; words: string; verdict: 'right' | 'wrong' | 'abstained' | 'nothing' }

export function outcome(findings: Finding[], actorId: string): Outcome {
  const actors = findings.filter((f) => f.kind === 'actor').sort((a, b) => Number(a.details.rank) - Number(b.details.rank));
  const mine = actors.find((f) => f.details.actor_id === actorId);
  const best = (xs: Finding[]) => xs.reduce((m, f) => Math.max(m, f.score), 0);
  const others = actors.filter((f) => f !== mine);
  const margin = (mine?.score ?? 0) - best(others);
  const top = actors[0];
  if (!top) return { rank: null, tied: 0, margin, top: '-', words: '-', verdict: 'nothing' };
  const words = String(top.details.confidence);
  const abstained = findings.some((f) => f.kind === 'no-confident-attribution') || words === 'unlikely';
  const verdict = abstained ? 'abstained' : top === mine && margin > 0 ? 'right' : 'wrong';
  // Rank by score, not list position: actors with equal scores share a rank (the list order breaks ties by id).
  const rank = mine ? 1 + others.filter((f) => f.score > mine.score).length : null;
  const tied = mine ? others.filter((f) => f.score === mine.score).length : 0;
  return { rank, tied, margin, top: top.subject, words, verdict };
}

export const rankText = (o: Outcome): string => (o.rank === null ? '-' : `${o.rank}${o.tied ? `=${o.tied + 1}` : ''}`);

export function verdictText(o: Outcome): string {
  if (o.verdict === 'nothing') return 'no candidate';
  if (o.verdict === 'abstained') return 'no confident attribution';
  return o.verdict === 'right' ? `right: ${o.words}` : `WRONG: ${o.top} (${o.words})`;
}
