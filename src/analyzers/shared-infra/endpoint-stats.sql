-- Evidence per external endpoint: every flow with exactly one side inside a victim org, seen from the
-- outside address. inbound = the endpoint opened the connection. A session is "engaged" when it was
-- established and lasted at least $longSeconds or moved at least $longBytes. common_flows = flows to a
-- port in $commonPorts. Counts are exact (HyperLogLog estimates were faster but miscounted even 4
-- org-days as 3, which moves scores and breaks engine parity). Only endpoints reached by at least $minOrgs orgs, or listed in $extraEps (known
-- indicators and their follow-ups), come back: the rest cannot score. (Window totals are a separate query: joining them here made DuckDB plan the
-- whole aggregation twice.)
WITH f AS (
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep,
         1 - src_int AS inbound,
         coalesce(org, '') AS org, ts, dport,
         CASE WHEN (state IN ('SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR') OR (state IS NULL AND coalesce(bytes_in, 0) > 0))
                   AND (coalesce(duration, 0) >= $longSeconds OR coalesce(bytes_out, 0) + coalesce(bytes_in, 0) >= $longBytes)
              THEN 1 ELSE 0 END AS engaged,
         CASE WHEN src_int = 1 THEN coalesce(bytes_out, 0) ELSE coalesce(bytes_in, 0) END AS bytes_up,
         CASE WHEN list_contains($commonPorts, dport) THEN 1 ELSE 0 END AS common
  FROM flows
  WHERE src_int + dst_int = 1
)
SELECT ep,
       count(DISTINCT org) AS orgs,
       count(DISTINCT CASE WHEN engaged = 1 THEN org END) AS orgs_engaged,
       count(DISTINCT hash(org, floor(ts / 86400))) AS org_days,
       count(DISTINCT CASE WHEN inbound = 1 THEN dport END) AS ports_in,
       count(*) AS flows,
       sum(inbound) AS flows_in,
       sum(common) AS common_flows,
       sum(engaged) AS engaged,
       sum(bytes_up) AS bytes_up,
       min(ts) AS first_seen,
       max(ts) AS last_seen
FROM f
GROUP BY ep
HAVING count(DISTINCT org) >= $minOrgs OR list_contains($extraEps::BIGINT[], ep)
