-- Leases of these endpoints (key list), with the provider (as leases-at.sql; one row per matching provider row).
SELECT ip, provider, start, `end`, account_id, server_id, asn, country
FROM (
  SELECT ip, provider, start, `end`, account_id, server_id FROM leases WHERE has($keys, ip)
) AS l ALL LEFT JOIN (
  SELECT name AS provider, asn, country FROM providers
) AS p USING (provider)
ORDER BY ip, start
