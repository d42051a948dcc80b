// IOC-hit score: the chance at least one reporting source is right, each source counted with its
// confidence (0..100, unknown → a default), discounted when the match is only by a URL's host
// (the URL's path may sit on an innocent shared host).

export interface HitEvidence { confidences: Array<number | null>; viaUrlHostOnly: boolean; defaultConfidence: number }

export function hitScore(e: HitEvidence): number {
  const probs = e.confidences.map((c) => Math.min(1, Math.max(0, (c ?? e.defaultConfidence) / 100)));
  if (probs.length === 0) return 0;
  const miss = probs.reduce((m, p) => m * (1 - p), 1);
  const score = 1 - miss;
  return round3(e.viaUrlHostOnly ? score * 0.5 : score);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
