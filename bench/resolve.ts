// Record-linkage scaling benchmark: generated people (planted duplicates) at 10k / 100k / 1M records,
// resolved with blocking; on the smallest size the same trained model is also applied to every pair
// (exhaustive baseline), showing what blocking costs in recall and what it saves in time.
// Run: npx tsx bench/resolve.ts [sizes, default 10000,100000,1000000]
import { candidatePairs, defaultRules } from '../src/analyzers/identities/linkage/blocking.ts';
import { clusterPairs } from '../src/analyzers/identities/linkage/cluster.ts';
import { compareAll, resolve, scoreAll } from '../src/analyzers/identities/linkage/engine.ts';
import { pairwiseScores } from '../src/analyzers/identities/linkage/evaluate.ts';
import { generatePeople, SYNTHETIC_FIELDS } from '../src/analyzers/identities/linkage/synthetic.ts';
import { exhaustiveScores } from '../src/analyzers/identities/linkage/exhaustive.ts';

const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

for (const [x, n] of sizes.entries()) {
  const { records, entityOf } = generatePeople(n, 20261125 + n);
  const ids = records.map((r) => r.id);
  const truth = (id: string) => entityOf.get(id)!;
  const t0 = performance.now();
  const result = resolve(records, { fields: SYNTHETIC_FIELDS });
  const seconds = (performance.now() - t0) / 1000;
  const s = pairwiseScores(result.clusters.map((c) => c.ids), ids, truth);
  const allPairs = (n * (n - 1)) / 2;
  console.log(`n=${n}: blocked ${seconds.toFixed(1)} s, ${result.pairsCompared} pairs compared (${(result.pairsCompared / allPairs * 100).toPrecision(2)}% of all ${allPairs.toExponential(2)}), `
    + `P=${s.precision.toFixed(4)} R=${s.recall.toFixed(4)} F1=${s.f1.toFixed(4)}, peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}, `
    + `largest cluster ${result.clusters.reduce((m, c) => Math.max(m, c.ids.length), 0)}, refused bridges ${result.clustering.refused.length}`);
  const byId = new Map(records.map((r) => [r.id, r.values]));
  const big = result.clusters.filter((c) => c.ids.length > 4).slice(0, 2);
  for (const c of big) console.log(`  big cluster (${c.ids.length}): ${c.ids.slice(0, 6).map((id) => JSON.stringify(byId.get(id))).join(' ')}`);
  if (x !== 0 || n > 20000) continue;
  const t1 = performance.now();
  const ex = exhaustiveScores(result.prepared, result.model);
  const clustering = clusterPairs(n, ex.kept, { threshold: 0.9, cohesion: 0.5, exhaustive: true });
  const exSeconds = (performance.now() - t1) / 1000;
  const exClusters = [...clustering.members.values()].map((m) => m.map((i) => ids[i]));
  const e = pairwiseScores(exClusters, ids, truth);
  console.log(`n=${n}: exhaustive ${exSeconds.toFixed(1)} s, ${ex.compared.toExponential(2)} pairs, P=${e.precision.toFixed(4)} R=${e.recall.toFixed(4)} F1=${e.f1.toFixed(4)}`);
  console.log(`  blocking: ${(exSeconds / seconds).toFixed(1)}× faster, recall lost ${(e.recall - s.recall).toFixed(4)}, true pairs missed by blocking ${Math.max(0, s.fn - e.fn)}`);
}
