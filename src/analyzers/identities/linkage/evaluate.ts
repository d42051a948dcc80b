// Pairwise precision / recall / F1 of clusters against true entity labels.
export interface PairScores { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

function pairsWithin(sizes: Iterable<number>): number {
  let n = 0;
  for (const s of sizes) n += (s * (s - 1)) / 2;
  return n;
}

/** `clusters` lists predicted groups (singletons may be omitted); `ids` is every record considered. */
export function pairwiseScores(clusters: string[][], ids: string[], truth: (id: string) => string | number): PairScores {
  const trueSizes = new Map<string | number, number>();
  for (const id of ids) { const t = truth(id); trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1); }
  let predicted = 0;
  let tp = 0;
  for (const c of clusters) {
    predicted += pairsWithin([c.length]);
    const byTruth = new Map<string | number, number>();
    for (const id of c) { const t = truth(id); byTruth.set(t, (byTruth.get(t) ?? 0) + 1); }
    tp += pairsWithin(byTruth.values());
  }
  const actual = pairsWithin(trueSizes.values());
  const fp = predicted - tp;
  const fn = actual - tp;
  const precision = predicted ? tp / predicted : 1;
  const recall = actual ? tp / actual : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}
