-- Victim orgs that talked to one external endpoint (portable SQL: both engines).
SELECT org, count(*) AS n FROM flows
WHERE org IS NOT NULL AND (dst = $ip OR src = $ip)
GROUP BY org ORDER BY n DESC, org LIMIT $limit
