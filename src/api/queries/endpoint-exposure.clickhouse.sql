-- Per flagged external endpoint: how many victim orgs reached it, connections, bytes, first/last contact
-- (as endpoint-exposure.sql).
SELECT if(has($keys, src), src, dst) AS endpoint,
       uniqExact(assumeNotNull(org)) AS orgs, count() AS connections, sum(ifNull(bytes_out, 0)) AS bytes_out,
       min(ts) AS first_seen, max(ts) AS last_seen
FROM flows
WHERE org IS NOT NULL AND (has($keys, dst) OR has($keys, src))
GROUP BY endpoint
