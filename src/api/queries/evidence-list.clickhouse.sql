-- Evidence files with the number of rejects kept for each, newest first (as evidence-list.sql; no
-- correlated subquery on 18.16: the counts are joined).
SELECT id, sha256, name, bytes, format, org, sensor, received_at, rows_read, rows_stored, rows_rejected, tlp,
       ifNull(kept, 0) AS rejects_kept
FROM (
  SELECT id, sha256, name, bytes, format, org, sensor, received_at, rows_read, rows_stored, rows_rejected, tlp, kept
  FROM evidence ALL LEFT JOIN (SELECT evidence_id AS id, count() AS kept FROM rejects GROUP BY evidence_id) AS r USING (id)
)
ORDER BY received_at DESC, name
