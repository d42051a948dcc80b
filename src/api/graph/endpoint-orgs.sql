-- Victim orgs that talked to one external endpoint.
SELECT org, count(*) AS n FROM flows
WHERE org IS NOT NULL AND (dst = $ip OR src = $ip)
GROUP BY 1 ORDER BY n DESC, org LIMIT $limit
