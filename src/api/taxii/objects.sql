-- One page of a TAXII collection: indicators ordered by date added (the evidence they came in with).
-- $tlps: markings in the collection; $use_keys/$keys: restrict to these endpoint keys (org collections);
-- $after/$after_id: strictly after this (date, id) position ($after_id '' = strictly after the date).
SELECT * FROM (
  SELECT i.id, i.type, i.value, i.tlp, i.confidence, i.valid_from, i.valid_until, i.intrusion_set, i.labels, i.first_seen, i.last_seen,
         coalesce(e.received_at, 0) AS added
  FROM indicators i LEFT JOIN evidence e ON e.id = i.evidence_id
  WHERE i.tlp IN (SELECT unnest($tlps::VARCHAR[]))
    AND (NOT $use_keys OR i.ip IN (SELECT unnest($keys::BIGINT[])))
) t
WHERE added > $after OR (added = $after AND $after_id <> '' AND id > $after_id)
ORDER BY added, id
LIMIT $limit
