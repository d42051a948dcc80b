-- Candidate actors: intrusion sets and threat actors, by resolved canonical actor id.
SELECT actor, type, name, aliases, external_ids, tlp
FROM intel_objects
WHERE type IN ('intrusion-set', 'threat-actor') AND actor IS NOT NULL
ORDER BY actor, type DESC, name
