-- Objects a report can tie to an actor, and the actors themselves (resolved canonical actor id).
SELECT DISTINCT id, type, name, external_ids, actor
FROM intel_objects
WHERE type IN ('intrusion-set', 'threat-actor', 'malware', 'tool', 'attack-pattern', 'campaign')
