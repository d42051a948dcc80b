// Weighted-overlap attribution (pure). An item's weight falls with how many actors share it: a tool used by
// dozens of groups, or a technique everyone uses, says almost nothing; an indicator or malware family tied to
// one group says a lot. Confidence is given in estimative words.
export type ItemKind = 'indicator' | 'malware' | 'tool' | 'attack-pattern' | 'campaign' | 'operator' | 'other';

export const BASE_WEIGHT: Record<ItemKind, number> = {
  indicator: 1.0, campaign: 1.0, malware: 0.9, operator: 0.6, tool: 0.35, 'attack-pattern': 0.2, other: 0.3,
};

export interface ObservedItem {
  key: string; kind: ItemKind; actors: string[]; orgs: number; path: string;
  /** 0..1: how strongly the observation holds (an indicator hit's own score); default 1. */
  strength?: number;
}
export interface ActorScore { actor: string; raw: number; exclusive: number; score: number; items: Array<ObservedItem & { weight: number }> }

export function itemWeight(i: Pick<ObservedItem, 'kind' | 'actors' | 'orgs' | 'strength'>): number {
  if (i.actors.length === 0) return 0;
  const breadth = Math.min(1.5, 1 + 0.1 * Math.max(0, i.orgs - 1));
  return (BASE_WEIGHT[i.kind] * breadth * (i.strength ?? 1)) / i.actors.length;
}

export function scoreActors(items: ObservedItem[]): ActorScore[] {
  const by = new Map<string, ActorScore>();
  for (const it of items) {
    const weight = itemWeight(it);
    for (const a of it.actors) {
      const s = by.get(a) ?? { actor: a, raw: 0, exclusive: 0, score: 0, items: [] };
      s.raw += weight;
      if (it.actors.length === 1) s.exclusive += weight;
      s.items.push({ ...it, weight });
      by.set(a, s);
    }
  }
  for (const s of by.values()) s.score = 1 - Math.exp(-s.raw);
  return [...by.values()].sort((a, b) => b.score - a.score || a.actor.localeCompare(b.actor));
}

export type Words = 'almost certain' | 'likely' | 'roughly even' | 'unlikely';

/** Estimative words from the score, the margin over the runner-up and the evidence unique to this actor. */
export function confidenceWords(s: { score: number; exclusive: number }, runnerUp: number, minExclusive: number): Words {
  if (s.exclusive < minExclusive) return 'unlikely';
  const margin = s.score - runnerUp;
  if (s.score >= 0.9 && margin >= 0.3) return 'almost certain';
  if (s.score >= 0.7 && margin >= 0.15) return 'likely';
  if (s.score >= 0.4) return 'roughly even';
  return 'unlikely';
}
