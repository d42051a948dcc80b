-- Orgs that have any flow, DNS or TLS record in the case (as orgs-seen.sql; 18.16 has no UNION DISTINCT).
SELECT uniqExact(assumeNotNull(org)) AS n
FROM (SELECT org FROM flows GROUP BY org UNION ALL SELECT org FROM dns GROUP BY org UNION ALL SELECT org FROM tls GROUP BY org)
WHERE org IS NOT NULL
