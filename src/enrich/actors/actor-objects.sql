-- Intrusion sets and threat actors in the case, one row per object id (the same object may arrive from
-- several files/sources; their aliases and ATT&CK ids are unioned, sorted so that every engine lists them
-- alike; the least name wins when sources disagree).
SELECT id, min(type) AS type, min(name) AS name,
       to_json(list_sort(list_distinct(flatten(list(from_json(aliases, '["VARCHAR"]')))))) AS aliases,
       to_json(list_sort(list_distinct(flatten(list(from_json(external_ids, '["VARCHAR"]')))))) AS external_ids
FROM intel_objects
WHERE type IN ('intrusion-set', 'threat-actor')
GROUP BY id
ORDER BY id
