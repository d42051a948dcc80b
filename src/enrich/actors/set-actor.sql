-- Writes each resolved canonical actor id onto its member objects ($ids[i] gets $actors[i]).
UPDATE intel_objects SET actor = m.actor
FROM (SELECT unnest(CAST($ids AS VARCHAR[])) AS id, unnest(CAST($actors AS VARCHAR[])) AS actor) m
WHERE intel_objects.id = m.id
