-- Leases of these endpoints (key list), with the provider; the caller picks the one active at a time.
SELECT l.ip, l.provider, l.start, l."end", l.account_id, l.server_id, p.asn, p.country
FROM leases l LEFT JOIN providers p ON p.name = l.provider
WHERE l.ip IN (SELECT unnest($keys::BIGINT[]))
ORDER BY l.ip, l.start
