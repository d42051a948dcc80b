// Validates STIX 2.1 objects against the OASIS JSON schemas (all files pre-registered by $id; no network),
// plus the checks schemas cannot express (modified ≥ created, valid_until > valid_from, refs present).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { referencedIds } from './bundle.ts';
import type { StixObject } from './markings.ts';

export interface StixValidator { validateBundle(bundle: { objects: StixObject[] }): string[] }

const SCHEMA_FOR: Record<string, string> = { relationship: 'sros/relationship', sighting: 'sros/sighting',
  'marking-definition': 'common/marking-definition', 'extension-definition': 'common/extension-definition',
  'language-content': 'common/language-content' };

export function createStixValidator(schemaDir: string): StixValidator {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  const ids = new Map<string, string>();
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.json')) {
        const schema = JSON.parse(readFileSync(p, 'utf8'));
        ajv.addSchema(schema);
        ids.set(p.slice(schemaDir.length + 1, -5), schema.$id);
      }
    }
  };
  walk(schemaDir);
  const schemaId = (type: string) => {
    const rel = SCHEMA_FOR[type] ?? [`sdos/${type}`, `observables/${type}`].find((r) => ids.has(r));
    return rel ? ids.get(rel) : undefined;
  };
  return {
    validateBundle(bundle) {
      const errors: string[] = [];
      const bundleCheck = ajv.getSchema(ids.get('common/bundle')!)!;
      if (!bundleCheck(bundle)) errors.push(`bundle: ${ajv.errorsText(bundleCheck.errors)}`);
      const present = new Set(bundle.objects.map((o) => o.id));
      for (const o of bundle.objects) {
        const id = schemaId(o.type);
        if (!id) { errors.push(`${o.id}: no schema for type ${o.type}`); continue; }
        const check = ajv.getSchema(id)!;
        if (!check(o)) errors.push(`${o.id}: ${ajv.errorsText(check.errors)}`);
        if (typeof o.modified === 'string' && typeof o.created === 'string' && o.modified < o.created) errors.push(`${o.id}: modified before created`);
        if (typeof o.valid_until === 'string' && typeof o.valid_from === 'string' && o.valid_until <= o.valid_from) errors.push(`${o.id}: valid_until not after valid_from`);
        for (const ref of referencedIds(o)) if (!present.has(ref)) errors.push(`${o.id}: references ${ref}, not in the bundle`);
      }
      return errors;
    },
  };
}
