-- What intel says each attributed actor uses (malware, tools, techniques), with the TLP of each item.
SELECT DISTINCT a.actor AS actor_id, o.type, o.name, o.external_ids, o.tlp
FROM intel_objects a
INNER JOIN intel_relations r ON r.source_ref = a.id
INNER JOIN intel_objects o ON o.id = r.target_ref
WHERE r.relationship_type = 'uses' AND a.type IN ('intrusion-set', 'threat-actor') AND has($ids, a.actor)
  AND o.type IN ('malware', 'tool', 'attack-pattern')
ORDER BY o.type, o.name
