// Score modifiers after RITA v5's (prevalence, first seen): periodic traffic that many of an org's hosts
// share (resolvers, proxies) or that was already running when observation began (update agents and other
// long-installed pollers) is less likely to be a new implant than a beacon that started mid-window.

export interface ModifierParams {
  /** Share of the org's internal hosts talking to the endpoint at which it counts as prevalent… */
  prevalenceShare: number;
  /** …provided at least this many hosts do. */
  prevalenceMinHosts: number;
  prevalenceDecrease: number;
  /** A pair whose first connection came within this many median intervals of the window start was already running. */
  preexistingIntervals: number;
  preexistingDecrease: number;
}

export const MODIFIER_DEFAULTS: ModifierParams = {
  prevalenceShare: 0.5, prevalenceMinHosts: 3, prevalenceDecrease: 0.4, preexistingIntervals: 2, preexistingDecrease: 0.4,
};

export interface PairContext { dstHosts: number; orgHosts: number; firstSeen: number; windowStart: number; medianInterval: number }

export interface Modified { score: number; prevalence: number; prevalent: boolean; preexisting: boolean; decrease: number }

export function applyModifiers(ritaScore: number, c: PairContext, p: ModifierParams = MODIFIER_DEFAULTS): Modified {
  const prevalence = c.orgHosts > 0 ? c.dstHosts / c.orgHosts : 0;
  const prevalent = c.dstHosts >= p.prevalenceMinHosts && prevalence >= p.prevalenceShare;
  const preexisting = c.firstSeen - c.windowStart <= p.preexistingIntervals * c.medianInterval;
  const decrease = (prevalent ? p.prevalenceDecrease : 0) + (preexisting ? p.preexistingDecrease : 0);
  const score = Math.round(Math.max(0, ritaScore - decrease) * 1000) / 1000;
  return { score, prevalence: Math.round(prevalence * 1000) / 1000, prevalent, preexisting, decrease };
}
