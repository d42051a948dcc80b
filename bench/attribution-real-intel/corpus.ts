// The prior intel read straight from the bundles (not through hoptrace): which group each bundle is about,
// the techniques and malware/tools it lists, and how many groups share each of them. This is the ground
// truth the experiment checks the analyzer against, so it must not reuse the analyzer's own linking.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Item { id: string; type: 'attack-pattern' | 'malware' | 'tool'; key: string; name: string }
export interface Group { file: string; intrusionSet: string; name: string; techniques: Item[]; software: Item[] }
export interface Corpus { dir: string; files: string[]; groups: Group[]; sharedBy: Map<string, number> }

type Obj = Record<string, unknown>;
const attackId = (o: Obj): string | null => {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Obj[]) : [];
  const r = refs.find((x) => String(x.source_name).startsWith('mitre') && typeof x.external_id === 'string');
  return r ? String(r.external_id) : null;
};

function itemOf(o: Obj): Item | null {
  if (o.type !== 'attack-pattern' && o.type !== 'malware' && o.type !== 'tool') return null;
  const name = String(o.name ?? o.id);
  return { id: String(o.id), type: o.type, key: attackId(o) ?? `${o.type}:${name.toLowerCase()}`, name };
}

export function loadCorpus(dir: string): Corpus {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const groups: Group[] = [];
  for (const file of files) {
    const objects = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { objects: Obj[] }).objects;
    const sets = objects.filter((o) => o.type === 'intrusion-set');
    if (sets.length !== 1) throw new Error(`${file}: expected one intrusion set, found ${sets.length}`);
    const items = objects.map(itemOf).filter((i): i is Item => !!i);
    const uniq = (xs: Item[]) => [...new Map(xs.map((x) => [x.key, x])).values()];
    groups.push({
      file, intrusionSet: String(sets[0].id), name: String(sets[0].name),
      techniques: uniq(items.filter((i) => i.type === 'attack-pattern')), software: uniq(items.filter((i) => i.type !== 'attack-pattern')),
    });
  }
  const sharedBy = new Map<string, number>();
  for (const g of groups) for (const i of [...g.techniques, ...g.software]) sharedBy.set(i.key, (sharedBy.get(i.key) ?? 0) + 1);
  return { dir, files, groups, sharedBy };
}
