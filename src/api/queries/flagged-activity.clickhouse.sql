-- Activity of victim orgs with flagged external endpoints, bucketed in time (as flagged-activity.sql).
SELECT org, floor(ts / $bucket) * $bucket AS t, count() AS connections, sum(ifNull(bytes_out, 0)) AS bytes_out
FROM flows
WHERE org IS NOT NULL AND ($org = '' OR org = $org) AND (has($keys, dst) OR has($keys, src))
GROUP BY org, t
ORDER BY t, org
