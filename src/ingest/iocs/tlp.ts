// TLP levels from text (TLP:WHITE, tlp:amber+strict, clear…) and from STIX marking-definition ids.
// TLP 1.0 ids are predefined in STIX 2.1 §7.2.1.4; TLP 2.0 ids come from the OASIS TLP 2.0 extension
// (cti-stix-common-objects, extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d).
import { TLP_ORDER, type Tlp } from '../../core/types.ts';

export const TLP_MARKING_IDS: Record<string, Tlp> = {
  // TLP 1.0 (STIX 2.0 / 2.1 predefined)
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear', // white
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
  // TLP 2.0
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'clear',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'green',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'amber',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'amber+strict',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'red',
};

/** 'TLP:WHITE', 'tlp:clear', 'amber+strict', 'AMBER STRICT' → Tlp; null when not a TLP word. */
export function parseTlp(text: string | null | undefined): Tlp | null {
  if (!text) return null;
  const t = text.trim().toLowerCase().replace(/^tlp\s*[:\-_ ]\s*/, '').replace(/\s*[+ _-]\s*strict$/, '+strict');
  if (t === 'white' || t === 'clear') return 'clear';
  return (TLP_ORDER as string[]).includes(t) ? (t as Tlp) : null;
}

/** The most restrictive of several levels (null when none). */
export function strictest(levels: Array<Tlp | null | undefined>): Tlp | null {
  let best = -1;
  for (const l of levels) if (l) best = Math.max(best, TLP_ORDER.indexOf(l));
  return best < 0 ? null : TLP_ORDER[best];
}
