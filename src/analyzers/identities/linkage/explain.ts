// Every cluster explains itself: for each field, how the linking pairs agreed and with what weight,
// plus the bridges that were refused because the groups on either side did not hold together.
import type { Clustering, ScoredPairs } from './cluster.ts';
import { probability, type Model } from './model.ts';
import type { PreparedSet } from './prepared.ts';

export interface FieldEvidence { field: string; kind: string; agreement: string; weight: number; links: number }
export interface ClusterOut {
  ids: string[];
  left?: string[];
  right?: string[];
  score: number;
  explanation: FieldEvidence[];
  refused: { ids: [string, string]; weight: number; cohesion: number }[];
  members: number[];
}

export function explainClusters(p: PreparedSet, model: Model, scored: ScoredPairs, levels: Int8Array,
  clustering: Clustering, link: boolean): ClusterOut[] {
  const F = p.fields.length;
  const byCluster = new Map<number, number[]>();
  for (const r of clustering.accepted) {
    const c = clustering.clusterOf[scored.a[r]];
    const list = byCluster.get(c);
    if (list) list.push(r); else byCluster.set(c, [r]);
  }
  const refusedBy = new Map<number, ClusterOut['refused']>();
  for (const f of clustering.refused) {
    for (const i of [f.a, f.b]) {
      const c = clustering.clusterOf[i];
      const entry = { ids: [p.ids[f.a], p.ids[f.b]] as [string, string], weight: round(f.weight), cohesion: round(f.cohesion) };
      refusedBy.set(c, [...(refusedBy.get(c) ?? []), entry]);
    }
  }
  const out: ClusterOut[] = [];
  for (const [c, members] of clustering.members) {
    const edges = byCluster.get(c) ?? [];
    const explanation: FieldEvidence[] = p.fields.map((f, k) => {
      const counts = new Map<number, number>();
      let weight = 0;
      let n = 0;
      for (const r of edges) {
        const l = levels[r * F + k];
        if (l < 0) continue;
        counts.set(l, (counts.get(l) ?? 0) + 1);
        weight += model.weight[k][l];
        n++;
      }
      const top = [...counts].sort((x, y) => y[1] - x[1])[0];
      return { field: model.fields[k], kind: f.kind, agreement: top ? model.levels[k][top[0]] : 'missing', weight: n ? round(weight / n) : 0, links: n };
    }).sort((x, y) => y.weight - x.weight);
    const score = edges.length ? edges.reduce((s, r) => s + probability(scored.w[r]), 0) / edges.length : 0;
    const sorted = [...members].sort((x, y) => x - y);
    const cluster: ClusterOut = {
      ids: sorted.map((i) => p.ids[i]), score: round(score), explanation, refused: refusedBy.get(c) ?? [], members: sorted,
    };
    if (link) {
      cluster.left = sorted.filter((i) => p.source[i] === 0).map((i) => p.ids[i]);
      cluster.right = sorted.filter((i) => p.source[i] === 1).map((i) => p.ids[i]);
    }
    out.push(cluster);
  }
  return out.sort((x, y) => y.score - x.score || x.ids[0].localeCompare(y.ids[0]));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
