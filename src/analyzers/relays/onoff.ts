// Zhang & Paxson (USENIX Security 2000) ON/OFF correlation: an OFF period is a gap longer than T_idle
// between payload packets; its end is the first packet after the gap. The ends of two flows of one
// relayed session line up within δ (inbound first on the way in; outbound first on the way back).
import { lowerBound } from './counts.ts';

/** Times of OFF→ON transitions within [from, to]: packets preceded by a gap > idle (the first packet counts). */
export function offEnds(times: ArrayLike<number>, idle: number, from: number, to: number): number[] {
  const out: number[] = [];
  let i = lowerBound(times, from);
  let prev = i > 0 ? times[i - 1] : -Infinity;
  for (; i < times.length; i++) {
    const t = times[i];
    if (t > to) break;
    if (t - prev > idle && t >= from) out.push(t);
    prev = t;
  }
  return out;
}

/** How many `later` ends fall within δ after some `earlier` end (each earlier end used once; both sorted). */
export function correlatedEnds(earlier: ArrayLike<number>, later: ArrayLike<number>, delta: number): number {
  return correlatedEndsIn(earlier, 0, earlier.length, later, 0, later.length, delta);
}

/** correlatedEnds over index ranges [e0, e1) of `earlier` and [l0, l1) of `later` (no copies). */
export function correlatedEndsIn(earlier: ArrayLike<number>, e0: number, e1: number, later: ArrayLike<number>, l0: number, l1: number, delta: number): number {
  let i = e0, hits = 0;
  for (let j = l0; j < l1; j++) {
    const t = later[j];
    while (i < e1 && earlier[i] < t - delta) i++;
    if (i < e1 && earlier[i] <= t) { hits++; i++; }
  }
  return hits;
}

export interface OnOffResult { correlated: number; comparable: number; ratio: number }

/**
 * Up: inbound originator→responder ends precede outbound originator→responder ends.
 * Down: outbound responder→originator ends precede inbound responder→originator ends.
 */
export function onOffCorrelation(
  inUp: ArrayLike<number>, outUp: ArrayLike<number>, inDown: ArrayLike<number>, outDown: ArrayLike<number>, delta: number,
): OnOffResult {
  return onOffResult(
    correlatedEnds(inUp, outUp, delta) + correlatedEnds(outDown, inDown, delta),
    Math.min(inUp.length, outUp.length) + Math.min(inDown.length, outDown.length),
  );
}

/** The ratio of correlated ends to those that could be (capped at 1; 0 when none could). */
export const onOffResult = (correlated: number, comparable: number): OnOffResult =>
  ({ correlated, comparable, ratio: comparable ? Math.min(1, correlated / comparable) : 0 });
