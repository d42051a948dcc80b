-- Internal hosts of an org that talked to flagged endpoints, busiest first.
SELECT CASE WHEN src_int = 1 THEN src ELSE dst END AS host, count(*) AS n
FROM flows
WHERE org = $org AND (CASE WHEN src_int = 1 THEN dst ELSE src END) IN (SELECT unnest($keys::BIGINT[]))
GROUP BY 1 ORDER BY n DESC, host LIMIT $limit
