-- ClickHouse 18.16 form of endpoint-stats.sql ($name substituted as literals by the engine). Inner columns
-- are named apart from the output aliases: ClickHouse resolves aliases across the whole query. No ranking
-- and no follow-ups: every eligible endpoint comes back with rank_score and follow_* NULL, and the caller
-- adds the follow-ups from ioc-follow.clickhouse.sql (follow.ts) before scoring.
SELECT ep,
       uniqExact(org) AS orgs,
       uniqExactIf(org, eng = 1) AS orgs_engaged,
       uniqExact(org, floor(ts / 86400)) AS org_days,
       uniqExactIf(dport, inbound = 1) AS ports_in,
       count() AS flows,
       sum(inbound) AS flows_in,
       sum(common) AS common_flows,
       sum(eng) AS engaged,
       sum(up_bytes) AS bytes_up,
       min(ts) AS first_seen,
       max(ts) AS last_seen,
       toUInt8(ep IN (SELECT assumeNotNull(ip) FROM indicators WHERE isNotNull(ip) AND (isNull(valid_until) OR valid_until >= $windowStart) AND (isNull(valid_from) OR valid_from <= $windowEnd))) AS is_ioc,
       CAST(NULL AS Nullable(UInt64)) AS follow_hosts,
       CAST(NULL AS Nullable(UInt64)) AS follow_orgs,
       CAST(NULL AS Nullable(Float64)) AS rank_score
FROM
(
  SELECT if(src_int = 1, dst, src) AS ep,
         1 - src_int AS inbound,
         ifNull(org, '') AS org, ts, ifNull(dport, -1) AS dport,
         if((state IN ('SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR') OR (isNull(state) AND ifNull(bytes_in, 0) > 0))
            AND (ifNull(duration, 0) >= $longSeconds OR ifNull(bytes_out, 0) + ifNull(bytes_in, 0) >= $longBytes), 1, 0) AS eng,
         if(src_int = 1, ifNull(bytes_out, 0), ifNull(bytes_in, 0)) AS up_bytes,
         if(has($commonPorts, ifNull(dport, -1)), 1, 0) AS common
  FROM flows
  WHERE src_int + dst_int = 1
)
GROUP BY ep
HAVING orgs >= $minOrgs OR is_ioc = 1
