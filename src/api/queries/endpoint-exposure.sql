-- Per flagged external endpoint: how many victim orgs reached it, connections, bytes, first/last contact.
SELECT CASE WHEN src IN (SELECT unnest($keys::BIGINT[])) THEN src ELSE dst END AS endpoint,
       count(DISTINCT org) AS orgs, count(*) AS connections, coalesce(sum(bytes_out), 0) AS bytes_out,
       min(ts) AS first_seen, max(ts) AS last_seen
FROM flows
WHERE org IS NOT NULL AND (dst IN (SELECT unnest($keys::BIGINT[])) OR src IN (SELECT unnest($keys::BIGINT[])))
GROUP BY 1
