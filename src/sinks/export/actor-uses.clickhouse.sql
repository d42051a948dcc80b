-- What intel says each attributed actor uses (malware, tools, techniques), with the TLP of each item
-- (as actor-uses.sql). One JOIN per SELECT on 18.16; GROUP BY rather than DISTINCT over Distributed joins.
SELECT actor_id, o_type AS type, o_name AS name, o_ext AS external_ids, o_tlp AS tlp
FROM (
  SELECT actor_id, t_ref
  FROM (
    SELECT id AS a_id, assumeNotNull(actor) AS actor_id FROM intel_objects
    WHERE type IN ('intrusion-set', 'threat-actor') AND actor IS NOT NULL AND has($ids, assumeNotNull(actor))
  ) AS a
  ALL INNER JOIN (SELECT source_ref AS a_id, target_ref AS t_ref FROM intel_relations WHERE relationship_type = 'uses') AS r USING (a_id)
) AS ar
ALL INNER JOIN (
  SELECT id AS t_ref, type AS o_type, name AS o_name, external_ids AS o_ext, tlp AS o_tlp FROM intel_objects
  WHERE type IN ('malware', 'tool', 'attack-pattern')
) AS o USING (t_ref)
GROUP BY actor_id, o_type, o_name, o_ext, o_tlp
ORDER BY o_type, o_name
