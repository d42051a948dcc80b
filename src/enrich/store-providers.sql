-- The provider directory as ingested into the case (`hoptrace ingest --format providers`): per ASN, the row
-- from the most recently received evidence file.
SELECT p.asn, arg_max(p.name, coalesce(e.received_at, 0)) AS name, arg_max(p.country, coalesce(e.received_at, 0)) AS country,
       arg_max(p.abuse_contact, coalesce(e.received_at, 0)) AS abuse_contact,
       arg_max(p.legal_contact, coalesce(e.received_at, 0)) AS legal_contact, arg_max(p.tz, coalesce(e.received_at, 0)) AS tz
FROM providers p LEFT JOIN evidence e ON e.id = p.evidence_id
GROUP BY p.asn
ORDER BY p.asn
