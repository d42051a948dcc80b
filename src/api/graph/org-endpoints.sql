-- Flagged external endpoints an org's network talked to, busiest first.
SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ext, count(*) AS n, coalesce(sum(bytes_out), 0) AS bytes_out
FROM flows
WHERE org = $org AND (CASE WHEN src_int = 1 THEN dst ELSE src END) IN (SELECT unnest($keys::BIGINT[]))
GROUP BY 1 ORDER BY n DESC, ext LIMIT $limit
