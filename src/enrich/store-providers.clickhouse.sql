-- The provider directory as ingested into the case (as store-providers.sql): per ASN, the row from the most
-- recently received evidence file (evidence received times joined; NULL fields are skipped, as arg_max does).
SELECT asn, argMax(p_name, received) AS name, argMax(p_country, received) AS country,
       argMax(p_abuse, received) AS abuse_contact, argMax(p_legal, received) AS legal_contact, argMax(p_tz, received) AS tz
FROM (
  SELECT asn, p_name, p_country, p_abuse, p_legal, p_tz, ifNull(e_received, 0) AS received
  FROM (
    SELECT asn, name AS p_name, country AS p_country, abuse_contact AS p_abuse, legal_contact AS p_legal, tz AS p_tz, evidence_id
    FROM providers
  ) AS p ALL LEFT JOIN (SELECT id AS evidence_id, received_at AS e_received FROM evidence) AS e USING (evidence_id)
)
GROUP BY asn
ORDER BY asn
