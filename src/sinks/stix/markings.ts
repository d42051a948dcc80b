// TLP 2.0 marking definitions as published for STIX 2.1 (fixed ids; consumers match on them), the TLP 2.0
// extension definition they use, and hoptrace's own extension definition for custom properties.
import { TLP_ORDER, type Tlp } from '../../core/types.ts';

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const FIRST_IDENTITY_ID = 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01';
const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

export const TLP_MARKING_IDS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export type StixObject = Record<string, unknown> & { type: string; id: string };

export function tlpMarking(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition', spec_version: '2.1', id: TLP_MARKING_IDS[tlp], created: TLP2_CREATED,
    created_by_ref: FIRST_IDENTITY_ID, name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}

export function firstIdentity(): StixObject {
  return {
    type: 'identity', spec_version: '2.1', id: FIRST_IDENTITY_ID, created: TLP2_CREATED, modified: TLP2_CREATED,
    name: 'Forum of Incident Response and Security Teams (FIRST)', identity_class: 'organization',
  };
}

export function tlpOfMarkingRefs(refs: unknown): Tlp | null {
  if (!Array.isArray(refs)) return null;
  let worst: Tlp | null = null;
  for (const [tlp, id] of Object.entries(TLP_MARKING_IDS) as Array<[Tlp, string]>) {
    if (refs.includes(id) && (worst === null || TLP_ORDER.indexOf(tlp) > TLP_ORDER.indexOf(worst))) worst = tlp;
  }
  return worst;
}

export function tlpAllowed(tlp: Tlp, max: Tlp): boolean {
  return TLP_ORDER.indexOf(tlp) <= TLP_ORDER.indexOf(max);
}

/** Most restrictive of several markings (TLP 2.0: the strictest source wins). */
export function strictestTlp(list: Tlp[], fallback: Tlp = 'clear'): Tlp {
  return list.reduce((w, t) => (TLP_ORDER.indexOf(t) > TLP_ORDER.indexOf(w) ? t : w), fallback);
}
