-- Association with known indicators: for each external endpoint that is not itself an indicator, the
-- internal hosts whose FIRST contact with it came within $followSeconds after the host first touched an
-- indicator IP (either direction). Also which endpoints are indicators themselves.
WITH f AS (
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep,
         coalesce(org, '') AS org,
         CASE WHEN src_int = 1 THEN src ELSE dst END AS host,
         ts
  FROM flows
  WHERE src_int + dst_int = 1
),
ioc AS (SELECT DISTINCT ip FROM indicators WHERE ip IS NOT NULL),
touched AS (
  SELECT org, host, min(ts) AS t_ioc FROM f WHERE ep IN (SELECT ip FROM ioc) GROUP BY org, host
),
firsts AS (
  SELECT f.ep, f.org, f.host, min(f.ts) AS t_first
  FROM f JOIN touched t ON f.org = t.org AND f.host = t.host
  WHERE f.ep NOT IN (SELECT ip FROM ioc)
  GROUP BY f.ep, f.org, f.host
)
SELECT ep, 0 AS is_ioc, count(*) AS follow_hosts, count(DISTINCT firsts.org) AS follow_orgs,
       min(t_first - t_ioc) AS min_lag
FROM firsts JOIN touched t ON firsts.org = t.org AND firsts.host = t.host
WHERE t_first >= t_ioc AND t_first - t_ioc <= $followSeconds
GROUP BY ep
UNION ALL
SELECT ip AS ep, 1 AS is_ioc, 0 AS follow_hosts, 0 AS follow_orgs, NULL AS min_lag FROM ioc
