-- Evidence files with the number of rejects kept for each, newest first.
SELECT e.id, e.sha256, e.name, e.bytes, e.format, e.org, e.sensor, e.received_at, e.rows_read, e.rows_stored, e.rows_rejected, e.tlp,
       (SELECT count(*) FROM rejects r WHERE r.evidence_id = e.id) AS rejects_kept
FROM evidence e ORDER BY e.received_at DESC, e.name
