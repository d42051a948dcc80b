-- Indicators merged across sources and files: one row per indicator id (type + normalised value).
-- Corroboration = the distinct sources that reported it; TLP = the most restrictive; validity = the union
-- hull of the per-source windows (per-source windows still apply when matching, see ioc-match). Empty
-- lists are [] (never NULL), as on ClickHouse.
WITH tlp_rank AS (
  SELECT * FROM (VALUES ('clear', 0), ('green', 1), ('amber', 2), ('amber+strict', 3), ('red', 4)) t(tlp, r)
)
SELECT i.id, any_value(i.type) AS type, any_value(i.value) AS value,
       list_sort(list_distinct(list(i.source))) AS sources,
       count(DISTINCT i.source) AS source_count,
       arg_max(i.tlp, coalesce(t.r, 4)) AS tlp,
       max(i.confidence) AS confidence,
       CASE WHEN bool_or(i.valid_from IS NULL) THEN NULL ELSE min(i.valid_from) END AS valid_from,
       CASE WHEN bool_or(i.valid_until IS NULL) THEN NULL ELSE max(i.valid_until) END AS valid_until,
       coalesce(list_sort(list_distinct(list(i.intrusion_set) FILTER (WHERE i.intrusion_set IS NOT NULL))), []) AS intrusion_sets,
       coalesce(list_sort(list_distinct(list(o.actor) FILTER (WHERE o.actor IS NOT NULL))), []) AS actors,
       list_sort(list_distinct(flatten(list(from_json(i.labels, '["VARCHAR"]'))))) AS labels,
       min(i.first_seen) AS first_seen, max(i.last_seen) AS last_seen,
       list_sort(list_distinct(list(i.evidence_id))) AS evidence_ids
FROM indicators i
LEFT JOIN tlp_rank t ON t.tlp = i.tlp
LEFT JOIN (SELECT DISTINCT id, actor FROM intel_objects WHERE actor IS NOT NULL) o ON o.id = i.intrusion_set
WHERE ($type IS NULL OR i.type = $type)
GROUP BY i.id
ORDER BY i.id
