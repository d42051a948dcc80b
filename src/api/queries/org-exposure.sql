-- Per victim org: contact with flagged endpoints (impact), and how many of them it reached.
SELECT org, count(*) AS connections, count(DISTINCT CASE WHEN src IN (SELECT unnest($keys::BIGINT[])) THEN src ELSE dst END) AS endpoints,
       count(DISTINCT CASE WHEN src_int = 1 THEN src ELSE dst END) AS hosts,
       coalesce(sum(bytes_out), 0) AS bytes_out, min(ts) AS first_seen, max(ts) AS last_seen
FROM flows
WHERE org IS NOT NULL AND ($org = '' OR org = $org)
  AND (dst IN (SELECT unnest($keys::BIGINT[])) OR src IN (SELECT unnest($keys::BIGINT[])))
GROUP BY 1
