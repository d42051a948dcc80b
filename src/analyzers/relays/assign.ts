// An outbound connection carries at most one session: keep each outbound's best inbound, and drop the
// outbound entirely when the runner-up is within the ambiguity margin (reported as ambiguous, not guessed).
import type { RelayPair } from './types.ts';

export interface Assigned { pairs: RelayPair[]; ambiguous: number }

export function bestPerOutbound(scored: RelayPair[], margin: number): Assigned {
  const byOut = new Map<string, RelayPair[]>();
  for (const p of scored) {
    const k = `${p.sensor}\u0000${p.outbound}`;
    const list = byOut.get(k);
    if (list) list.push(p); else byOut.set(k, [p]);
  }
  const pairs: RelayPair[] = [];
  let ambiguous = 0;
  for (const list of byOut.values()) {
    list.sort((a, b) => b.score - a.score);
    if (list.length > 1 && list[0].score - list[1].score < margin) { ambiguous++; continue; }
    pairs.push({ ...list[0], components: { ...list[0].components, runner_up: list.length > 1 ? list[1].score : 0 } });
  }
  return { pairs, ambiguous };
}
