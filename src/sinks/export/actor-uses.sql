-- What intel says each attributed actor uses (malware, tools, techniques), with the TLP of each item.
-- Actors are the resolved canonical ids (intel_objects.actor) the attribution analyzer ranks.
SELECT DISTINCT a.actor AS actor_id, o.type, o.name, o.external_ids, o.tlp
FROM intel_objects a
JOIN intel_relations r ON r.source_ref = a.id AND r.relationship_type = 'uses'
JOIN intel_objects o ON o.id = r.target_ref
WHERE a.type IN ('intrusion-set', 'threat-actor') AND a.actor IN (SELECT unnest($ids::VARCHAR[]))
  AND o.type IN ('malware', 'tool', 'attack-pattern')
ORDER BY o.type, o.name
