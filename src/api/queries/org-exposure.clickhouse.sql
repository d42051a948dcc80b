-- Per victim org: contact with flagged endpoints, and how many of them it reached (as org-exposure.sql).
SELECT org, count() AS connections, uniqExact(if(has($keys, src), src, dst)) AS endpoints,
       uniqExact(if(src_int = 1, src, dst)) AS hosts,
       sum(ifNull(bytes_out, 0)) AS bytes_out, min(ts) AS first_seen, max(ts) AS last_seen
FROM flows
WHERE org IS NOT NULL AND ($org = '' OR org = $org) AND (has($keys, dst) OR has($keys, src))
GROUP BY org
