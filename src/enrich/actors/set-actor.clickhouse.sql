-- Writes each resolved canonical actor id onto its member objects ($ids[i] gets $actors[i]): the tail of
-- ALTER TABLE intel_objects_local (run on every shard by Store.mutate).
UPDATE actor = arrayElement($actors, indexOf($ids, id)) WHERE has($ids, id)
