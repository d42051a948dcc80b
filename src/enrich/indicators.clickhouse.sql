-- Indicators merged across sources and files (as indicators.sql): one row per indicator id. TLP = the most
-- restrictive (unknown ranks as red); validity = the hull of the per-source windows, open if any is open.
-- Inner columns are named apart from the outer aliases (18.16 aliases are global).
SELECT id, any(ind_type) AS type, any(ind_value) AS value,
       arraySort(groupUniqArray(ind_source)) AS sources,
       uniqExact(ind_source) AS source_count,
       argMax(ind_tlp, tlp_rank) AS tlp,
       max(ind_confidence) AS confidence,
       if(max(isNull(ind_valid_from)) = 1, NULL, min(ind_valid_from)) AS valid_from,
       if(max(isNull(ind_valid_until)) = 1, NULL, max(ind_valid_until)) AS valid_until,
       arraySort(groupUniqArray(set_ref)) AS intrusion_sets,
       arraySort(groupUniqArray(set_actor)) AS actors,
       arrayMap(x -> replaceRegexpAll(replaceRegexpAll(x, '\\\\"', '"'), '\\\\\\\\', '\\\\'), arraySort(groupUniqArrayArray(label_items))) AS labels,
       min(ind_first_seen) AS first_seen, max(ind_last_seen) AS last_seen,
       arraySort(groupUniqArray(ind_evidence_id)) AS evidence_ids
FROM (
  SELECT id, type AS ind_type, value AS ind_value, source AS ind_source, tlp AS ind_tlp,
         transform(tlp, ['clear', 'green', 'amber', 'amber+strict', 'red'], [0, 1, 2, 3, 4], 4) AS tlp_rank,
         confidence AS ind_confidence, valid_from AS ind_valid_from, valid_until AS ind_valid_until,
         intrusion_set AS set_ref,
         extractAll(coalesce(labels, '[]'), '"((?:[^"\\\\]|\\\\.)*)"') AS label_items,
         first_seen AS ind_first_seen, last_seen AS ind_last_seen, evidence_id AS ind_evidence_id
  FROM indicators
  WHERE ($type IS NULL OR type = $type)
) AS i
ALL LEFT JOIN (
  SELECT id AS set_ref, actor AS set_actor FROM intel_objects WHERE actor IS NOT NULL GROUP BY id, actor
) AS o USING (set_ref)
GROUP BY id
ORDER BY id
