// IOC-hit score: the chance at least one reporting source is right, each source counted with its
// confidence (0..100, unknown → a default), halved when the match is only by a URL's host (the URL's path
// may sit on an innocent shared host) and halved again when the indicator matches most orgs of the case
// (a scanner, CDN or shared service is likelier than infrastructure aimed at all of them — MISP's lesson on
// over-correlating values).

export interface HitEvidence {
  confidences: Array<number | null>;
  viaUrlHostOnly: boolean;
  defaultConfidence: number;
  /** Share of the case's orgs this indicator matched (0..1) and the case's org count. */
  prevalence?: { share: number; orgs: number };
  prevalenceCap?: number;
}

export const MIN_ORGS_FOR_PREVALENCE = 5;

export function overPrevalent(e: Pick<HitEvidence, 'prevalence' | 'prevalenceCap'>): boolean {
  return !!e.prevalence && e.prevalence.orgs >= MIN_ORGS_FOR_PREVALENCE && e.prevalence.share > (e.prevalenceCap ?? 0.5);
}

export function hitScore(e: HitEvidence): number {
  const probs = e.confidences.map((c) => Math.min(1, Math.max(0, (c ?? e.defaultConfidence) / 100)));
  if (probs.length === 0) return 0;
  let score = 1 - probs.reduce((m, p) => m * (1 - p), 1);
  if (e.viaUrlHostOnly) score *= 0.5;
  if (overPrevalent(e)) score *= 0.5;
  return Math.round(score * 1000) / 1000;
}
