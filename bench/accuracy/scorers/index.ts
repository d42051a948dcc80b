// Scorer registry: analyzer id → scorer. One line each; analyzer helpers add theirs.
import { attribution } from './attribution.ts';
import { impact } from './impact.ts';
import { beacons } from './beacons.ts';
import { sharedInfra } from './shared-infra.ts';
import { identities } from './identities.ts';
import { leases } from './leases.ts';
import { relays } from './relays.ts';
import type { Scorer } from './types.ts';

export const SCORERS: Record<string, Scorer> = {
  leases,
  identities,
  'shared-infra': sharedInfra,
  beacons,
  impact,
  attribution,
  relays,
};

export type { Score, Scorer } from './types.ts';
export { prf } from './types.ts';
