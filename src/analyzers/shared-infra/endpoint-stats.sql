-- Evidence per external endpoint: every flow with exactly one side inside a victim org, seen from the
-- outside address. inbound = the endpoint opened the connection. A session is "engaged" when it was
-- established and lasted at least $longSeconds or moved at least $longBytes. Global totals ride along.
WITH f AS (
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep,
         CASE WHEN src_int = 1 THEN src ELSE dst END AS host,
         CASE WHEN src_int = 1 THEN 0 ELSE 1 END AS inbound,
         coalesce(org, '') AS org, ts, dport,
         CASE WHEN (state IN ('SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR') OR (state IS NULL AND coalesce(bytes_in, 0) > 0))
                   AND (coalesce(duration, 0) >= $longSeconds OR coalesce(bytes_out, 0) + coalesce(bytes_in, 0) >= $longBytes)
              THEN 1 ELSE 0 END AS engaged,
         CASE WHEN src_int = 1 THEN coalesce(bytes_out, 0) ELSE coalesce(bytes_in, 0) END AS bytes_up
  FROM flows
  WHERE src_int + dst_int = 1
),
per_ep AS (
  SELECT ep,
         count(DISTINCT org) AS orgs,
         count(DISTINCT CASE WHEN inbound = 1 THEN org END) AS orgs_in,
         count(DISTINCT CASE WHEN inbound = 0 THEN org END) AS orgs_out,
         count(DISTINCT CASE WHEN engaged = 1 THEN org END) AS orgs_engaged,
         count(DISTINCT hash(org, host)) AS hosts,
         count(DISTINCT hash(org, floor(ts / 86400))) AS org_days,
         count(DISTINCT CASE WHEN inbound = 1 THEN dport END) AS ports_in,
         count(DISTINCT CASE WHEN inbound = 0 THEN dport END) AS ports_out,
         mode(dport) AS top_port,
         count(*) AS flows,
         sum(inbound) AS flows_in,
         sum(engaged) AS engaged,
         sum(bytes_up) AS bytes_up,
         min(ts) AS first_seen,
         max(ts) AS last_seen
  FROM f
  GROUP BY ep
),
totals AS (
  SELECT count(DISTINCT org) AS orgs_total, count(DISTINCT floor(ts / 86400)) AS days_total,
         min(ts) AS window_start, max(ts) AS window_end
  FROM f
)
SELECT per_ep.*, totals.* FROM per_ep CROSS JOIN totals
