-- One page of a TAXII collection (as objects.sql): indicators ordered by the date their evidence was added.
SELECT id, type, value, tlp, confidence, valid_from, valid_until, intrusion_set, labels, first_seen, last_seen, added
FROM (
  SELECT id, type, value, tlp, confidence, valid_from, valid_until, intrusion_set, labels, first_seen, last_seen,
         ifNull(received, 0) AS added
  FROM (
    SELECT id, type, value, tlp, confidence, valid_from, valid_until, intrusion_set, labels, first_seen, last_seen, evidence_id
    FROM indicators
    WHERE has($tlps, tlp) AND (NOT $use_keys OR has($keys, ifNull(ip, toInt64(-9223372036854775807))))
  ) AS i ALL LEFT JOIN (SELECT id AS evidence_id, received_at AS received FROM evidence) AS e USING (evidence_id)
)
WHERE added > $after OR (added = $after AND $after_id <> '' AND id > $after_id)
ORDER BY added, id
LIMIT $limit
