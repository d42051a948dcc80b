-- Intrusion sets and threat actors in the case, one row per object id (the same object may arrive from
-- several files/sources; their aliases and ATT&CK ids are unioned).
SELECT id, any_value(type) AS type, any_value(name) AS name,
       to_json(list_distinct(flatten(list(from_json(aliases, '["VARCHAR"]'))))) AS aliases,
       to_json(list_distinct(flatten(list(from_json(external_ids, '["VARCHAR"]'))))) AS external_ids
FROM intel_objects
WHERE type IN ('intrusion-set', 'threat-actor')
GROUP BY id
ORDER BY id
