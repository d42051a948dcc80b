// Record linkage end to end: prepare → block → compare → u by sampling, m by EM → score → cluster → explain.
import { candidatePairs, defaultRules, type BlockingStats, type BlockRule } from './blocking.ts';
import { clusterPairs, type Clustering, type ScoredPairs } from './cluster.ts';
import { explainClusters, type ClusterOut } from './explain.ts';
import { mulberry32 } from '../../../core/random.ts';
import { estimateU, pairWeight, tfAdjustments, trainModel, type Model, type TrainingSet } from './model.ts';
import { compareInto, prepareRecords, type FieldSpec, type InputRecord, type PreparedSet } from './prepared.ts';

export interface ResolveOptions {
  fields: FieldSpec[];
  /** Two-file linkage: only pairs with one record from each source (InputRecord.source). */
  link?: boolean;
  /** Match probability a link needs (default 0.9). */
  threshold?: number;
  /** Mean probability across two groups needed to merge them (default 0.5). */
  cohesion?: number;
  maxBlock?: number;
  uSamples?: number;
  emSamples?: number;
  seed?: number;
  rules?: (p: PreparedSet) => BlockRule[];
}

export interface ResolveResult {
  records: number;
  clusters: ClusterOut[];
  model: Model;
  blocking: BlockingStats;
  pairsCompared: number;
  scored: ScoredPairs;
  clustering: Clustering;
  prepared: PreparedSet;
}

export function defaults(o: ResolveOptions): Required<Omit<ResolveOptions, 'rules'>> & Pick<ResolveOptions, 'rules'> {
  const given = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { link: false, threshold: 0.9, cohesion: 0.5, maxBlock: 1000, uSamples: 100_000, emSamples: 100_000, seed: 1, ...given } as ReturnType<typeof defaults>;
}

export function compareAll(p: PreparedSet, a: Uint32Array, b: Uint32Array, length: number): Int8Array {
  const F = p.fields.length;
  const levels = new Int8Array(length * F);
  for (let r = 0; r < length; r++) compareInto(p, a[r], b[r], levels, r * F);
  return levels;
}

/** Rows of `levels` (up to `max`, sampled) whose pair satisfies `keep`. */
function selectRows(levels: Int8Array, rows: number, F: number, max: number, seed: number, keep: (r: number) => boolean): { levels: Int8Array; rows: number } {
  const chosen: number[] = [];
  for (let r = 0; r < rows; r++) if (keep(r)) chosen.push(r);
  const rand = mulberry32(seed);
  const take = chosen.length <= max ? chosen : Array.from({ length: max }, () => chosen[Math.floor(rand() * chosen.length)]);
  const out = new Int8Array(take.length * F);
  take.forEach((r, s) => out.set(levels.subarray(r * F, r * F + F), s * F));
  return { levels: out, rows: take.length };
}

/** One training set per blocking rule: the candidate pairs whose keys agree under that rule. */
export function trainingSets(rules: BlockRule[], pairs: { a: Uint32Array; b: Uint32Array; length: number }, levels: Int8Array,
  F: number, max: number, seed: number): TrainingSet[] {
  return rules.map((rule, x) => {
    const keep = (r: number) => { const k = rule.keys[pairs.a[r]]; return k !== null && k === rule.keys[pairs.b[r]]; };
    return { ...selectRows(levels, pairs.length, F, max, seed + x, keep), excluded: rule.fields, name: rule.name };
  });
}

export function scoreAll(p: PreparedSet, model: Model, a: Uint32Array, b: Uint32Array, length: number, levels: Int8Array): ScoredPairs {
  const adj = tfAdjustments(p, model);
  const F = p.fields.length;
  const w = new Float32Array(length);
  for (let r = 0; r < length; r++) w[r] = pairWeight(adj, model, a[r], levels, r * F);
  return { a, b, w, length };
}

/** Scores one pair on demand (for merges that need pairs blocking never produced). */
export function pairScorer(p: PreparedSet, model: Model): (i: number, j: number) => number {
  const adj = tfAdjustments(p, model);
  const levels = new Int8Array(p.fields.length);
  const link = p.source.some((s) => s === 1);
  return (i, j) => {
    if (link && p.source[i] === p.source[j]) return -Infinity;
    compareInto(p, i, j, levels, 0);
    return pairWeight(adj, model, i, levels, 0);
  };
}

export function resolve(records: InputRecord[], options: ResolveOptions): ResolveResult {
  const o = defaults(options);
  const p = prepareRecords(records, o.fields);
  const rules = (o.rules ?? defaultRules)(p);
  const { pairs, stats } = candidatePairs(p, rules, { maxBlock: o.maxBlock, link: o.link });
  const levels = compareAll(p, pairs.a, pairs.b, pairs.length);
  const u = estimateU(p, o.uSamples, o.seed, o.link);
  const F = o.fields.length;
  const sets = trainingSets(rules, pairs, levels, F, o.emSamples, o.seed + 1);
  const all = selectRows(levels, pairs.length, F, o.emSamples, o.seed, () => true);
  const model = trainModel(p, sets, all, u);
  const scored = scoreAll(p, model, pairs.a, pairs.b, pairs.length, levels);
  const scorePair = pairScorer(p, model);
  const clustering = clusterPairs(p.ids.length, scored, { threshold: o.threshold, cohesion: o.cohesion, scorePair });
  const clusters = explainClusters(p, model, scored, levels, clustering, o.link);
  return { records: records.length, clusters, model, blocking: stats, pairsCompared: pairs.length, scored, clustering, prepared: p };
}
