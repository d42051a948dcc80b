-- Activity of victim orgs with flagged external endpoints, bucketed in time (attack timeline).
-- $keys: flagged endpoint keys; $org: '' for every org, else just that org; $bucket: seconds.
SELECT org, floor(ts / $bucket) * $bucket AS t, count(*) AS connections, coalesce(sum(bytes_out), 0) AS bytes_out
FROM flows
WHERE org IS NOT NULL AND ($org = '' OR org = $org)
  AND (dst IN (SELECT unnest($keys::BIGINT[])) OR src IN (SELECT unnest($keys::BIGINT[])))
GROUP BY 1, 2
ORDER BY 2, 1
