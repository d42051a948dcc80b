// A bundle holds every object it references (`*_ref`/`*_refs`), each before its referrers, once. Ids are
// deterministic, so the bundle id is derived from its content key. Extension keys are not references here:
// the OASIS bundle schema has no branch that admits an extension-definition object (it matches both core
// schemas of its custom-object branch), so exports carry only the predefined TLP 2.0 extension, by id.
import { stixId } from '../../core/ids.ts';
import type { StixObject } from './markings.ts';

const REF_KEYS = /_refs?$/;

export function referencedIds(o: StixObject): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && REF_KEYS.test(key) && v.includes('--')) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const [k, v] of Object.entries(o)) if (k !== 'id') walk(v, k);
  return out;
}

/** Orders objects so referenced ones come first; throws naming what a bundle would leave dangling. */
export function orderForBundle(objects: StixObject[]): StixObject[] {
  const byId = new Map<string, StixObject>();
  for (const o of objects) if (!byId.has(o.id)) byId.set(o.id, o);
  const out: StixObject[] = [];
  const state = new Map<string, 1 | 2>();
  const missing: string[] = [];
  const visit = (o: StixObject) => {
    if (state.get(o.id)) return; // a cycle (e.g. identity created_by itself) is broken at the revisit
    state.set(o.id, 1);
    for (const ref of referencedIds(o)) {
      const target = byId.get(ref);
      if (target) visit(target);
      else missing.push(`${o.id} → ${ref}`);
    }
    state.set(o.id, 2);
    out.push(o);
  };
  [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)).forEach(visit);
  if (missing.length) throw new Error(`bundle would reference objects it does not hold: ${missing.slice(0, 5).join('; ')}`);
  return out;
}

export function makeBundle(key: string, objects: StixObject[]): { type: 'bundle'; id: string; objects: StixObject[] } {
  return { type: 'bundle', id: stixId('bundle', key), objects: orderForBundle(objects) };
}
