-- Association with known indicators, for engines whose endpoint-stats leaves follow-ups to follow.ts
-- (ClickHouse); DuckDB's endpoint-stats.sql counts them itself, and rank.test.ts checks it against this form.
-- Rows of two kinds:
--   is_ioc = 1: an external endpoint that is itself an indicator (seed = ep);
--   is_ioc = 0: for each (endpoint, indicator seed), the internal hosts whose FIRST contact with the endpoint
--   came within $followSeconds after the host first touched that indicator (either direction).
-- Only indicators valid at some time inside the observed window ($windowStart..$windowEnd: first and last external flow) count. Seeds are kept apart so the scorer can ignore indicators that over-correlate or look like scanners.
WITH f AS NOT MATERIALIZED ( -- read twice below: scanning flows twice is cheaper than storing f
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep,
         coalesce(org, '') AS org,
         CASE WHEN src_int = 1 THEN src ELSE dst END AS host,
         ts
  FROM flows
  WHERE src_int + dst_int = 1
),
ioc AS (
  SELECT DISTINCT ip FROM indicators
  WHERE ip IS NOT NULL
    AND (valid_until IS NULL OR valid_until >= $windowStart)
    AND (valid_from IS NULL OR valid_from <= $windowEnd)
),
touched AS (
  SELECT ep AS seed, org, host, min(ts) AS t_ioc FROM f WHERE ep IN (SELECT ip FROM ioc) GROUP BY ep, org, host
),
firsts AS (
  SELECT f.ep, f.org, f.host, min(f.ts) AS t_first
  FROM f SEMI JOIN (SELECT DISTINCT org, host FROM touched) t ON f.org = t.org AND f.host = t.host
  WHERE f.ep NOT IN (SELECT ip FROM ioc)
  GROUP BY f.ep, f.org, f.host
)
SELECT firsts.ep, t.seed, 0 AS is_ioc, count(*) AS follow_hosts, count(DISTINCT firsts.org) AS follow_orgs
FROM firsts JOIN touched t ON firsts.org = t.org AND firsts.host = t.host
WHERE t_first >= t_ioc AND t_first - t_ioc <= $followSeconds
GROUP BY firsts.ep, t.seed
UNION ALL
SELECT ip AS ep, ip AS seed, 1 AS is_ioc, 0 AS follow_hosts, 0 AS follow_orgs FROM ioc
