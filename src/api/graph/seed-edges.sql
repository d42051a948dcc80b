-- Contact between victim orgs and the seed endpoints (the graph's starting view).
SELECT org, CASE WHEN src_int = 1 THEN dst ELSE src END AS ext, count(*) AS n
FROM flows
WHERE org IS NOT NULL AND (CASE WHEN src_int = 1 THEN dst ELSE src END) IN (SELECT unnest($keys::BIGINT[]))
GROUP BY 1, 2 ORDER BY n DESC LIMIT $limit
