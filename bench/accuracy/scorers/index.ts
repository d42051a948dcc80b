// Scorer registry: analyzer id → scorer. One line each; analyzer helpers add theirs.
import { impact } from './impact.ts';
import { sharedInfra } from './shared-infra.ts';
import type { Scorer } from './types.ts';

export const SCORERS: Record<string, Scorer> = {
  'shared-infra': sharedInfra,
  impact,
};

export type { Score, Scorer } from './types.ts';
export { prf } from './types.ts';
