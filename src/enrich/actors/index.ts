// Resolves every actor in a case store and writes intel_objects.actor (see resolve.ts for the rules).
import { sqlFile } from '../../store/sql-file.ts';
import type { Store } from '../../store/store.ts';
import { resolveActorGroups, type Actor, type ActorInput } from './resolve.ts';

export { normaliseActorName, resolveActorGroups, type Actor } from './resolve.ts';

interface ObjectRow { id: string; type: string; name: string | null; aliases: string; external_ids: string }

export async function resolveActors(store: Store): Promise<Actor[]> {
  const rows = await store.query<ObjectRow>(sqlFile(import.meta.url, 'actor-objects'));
  const inputs: ActorInput[] = rows.map((r) => ({
    id: r.id, type: r.type, name: r.name, aliases: JSON.parse(r.aliases ?? '[]'), external_ids: JSON.parse(r.external_ids ?? '[]'),
  }));
  const actors = resolveActorGroups(inputs);
  const members = actors.flatMap((a) => a.members.map((id) => ({ id, actor: a.id })));
  // One statement for all actors (on ClickHouse each statement is a mutation on every shard).
  if (members.length) {
    await store.mutate('intel_objects', sqlFile(import.meta.url, 'set-actor'),
      { ids: members.map((m) => m.id), actors: members.map((m) => m.actor) });
  }
  return actors;
}
