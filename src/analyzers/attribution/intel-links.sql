-- Every relationship of the intel with the type, name, external ids and resolved actor of both ends.
-- Ordered, so that evidence ties list alike on every engine.
SELECT r.relationship_type AS rel,
       s.id AS s_id, s.type AS s_type, s.name AS s_name, s.external_ids AS s_ext, s.actor AS s_actor,
       t.id AS t_id, t.type AS t_type, t.name AS t_name, t.external_ids AS t_ext, t.actor AS t_actor
FROM intel_relations r
JOIN (SELECT DISTINCT id, type, name, external_ids, actor FROM intel_objects) s ON s.id = r.source_ref
JOIN (SELECT DISTINCT id, type, name, external_ids, actor FROM intel_objects) t ON t.id = r.target_ref
ORDER BY rel, s_id, t_id
