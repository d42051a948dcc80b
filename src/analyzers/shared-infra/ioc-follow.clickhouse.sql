-- ClickHouse 18.16 form of ioc-follow.sql (joins by USING; $followSeconds and the window substituted as literals).
-- Joined subqueries carry aliases: current ClickHouse requires them (src/store/clickhouse/README.md).
SELECT ep, seed, toUInt8(0) AS is_ioc, count() AS follow_hosts, uniqExact(org) AS follow_orgs
FROM
(
  SELECT ep, org, host, min(ts) AS t_first
  FROM
  (
    SELECT if(src_int = 1, dst, src) AS ep, ifNull(org, '') AS org, if(src_int = 1, src, dst) AS host, ts
    FROM flows WHERE src_int + dst_int = 1
  )
  WHERE ep NOT IN (SELECT assumeNotNull(ip) FROM indicators WHERE isNotNull(ip) AND (isNull(valid_until) OR valid_until >= $windowStart) AND (isNull(valid_from) OR valid_from <= $windowEnd))
  GROUP BY ep, org, host
) AS firsts
ALL INNER JOIN
(
  SELECT ep AS seed, org, host, min(ts) AS t_ioc
  FROM
  (
    SELECT if(src_int = 1, dst, src) AS ep, ifNull(org, '') AS org, if(src_int = 1, src, dst) AS host, ts
    FROM flows WHERE src_int + dst_int = 1
  )
  WHERE ep IN (SELECT assumeNotNull(ip) FROM indicators WHERE isNotNull(ip) AND (isNull(valid_until) OR valid_until >= $windowStart) AND (isNull(valid_from) OR valid_from <= $windowEnd))
  GROUP BY ep, org, host
) AS ioc_hosts USING (org, host)
WHERE t_first >= t_ioc AND t_first - t_ioc <= $followSeconds
GROUP BY ep, seed
UNION ALL
SELECT DISTINCT assumeNotNull(ip) AS ep, assumeNotNull(ip) AS seed, toUInt8(1) AS is_ioc, toUInt64(0) AS follow_hosts, toUInt64(0) AS follow_orgs
FROM indicators WHERE isNotNull(ip) AND (isNull(valid_until) OR valid_until >= $windowStart) AND (isNull(valid_from) OR valid_from <= $windowEnd)
