-- Every relationship of the intel with the type, name, external ids and resolved actor of both ends (as
-- intel-links.sql; one JOIN per SELECT on 18.16, so the target end joins the source-end result).
SELECT rel, s_id, s_type, s_name, s_ext, s_actor, t_id, t_type, t_name, t_ext, t_actor
FROM (
  SELECT rel, s_id, s_type, s_name, s_ext, s_actor, t_id
  FROM (SELECT relationship_type AS rel, source_ref AS s_id, target_ref AS t_id FROM intel_relations) AS r
  ALL INNER JOIN (
    SELECT id AS s_id, type AS s_type, name AS s_name, external_ids AS s_ext, actor AS s_actor
    FROM intel_objects GROUP BY id, type, name, external_ids, actor
  ) AS s USING (s_id)
) AS rs
ALL INNER JOIN (
  SELECT id AS t_id, type AS t_type, name AS t_name, external_ids AS t_ext, actor AS t_actor
  FROM intel_objects GROUP BY id, type, name, external_ids, actor
) AS t USING (t_id)
ORDER BY rel, s_id, t_id
