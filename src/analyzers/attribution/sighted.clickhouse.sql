-- Observed evidence: victim SOC sightings of intel objects (as sighted.sql).
SELECT ref, type, name, external_ids, org, first_seen, last_seen, s_count AS `count`, source,
       ifNull(s_tlp, o_tlp) AS tlp, evidence_id
FROM (
  SELECT sighting_of_ref AS ref, org, first_seen, last_seen, `count` AS s_count, source, tlp AS s_tlp, evidence_id
  FROM sightings
) AS s
ALL INNER JOIN (
  SELECT id AS ref, type, name, external_ids, tlp AS o_tlp FROM intel_objects GROUP BY id, type, name, external_ids, tlp
) AS o USING (ref)
ORDER BY ref, org, first_seen, evidence_id, source
