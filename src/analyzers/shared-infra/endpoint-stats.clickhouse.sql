-- ClickHouse 18.16 form of endpoint-stats.sql ($name substituted as literals by the engine).
SELECT *
FROM
(
  SELECT ep,
         uniqExact(org) AS orgs,
         uniqExactIf(org, inbound = 1) AS orgs_in,
         uniqExactIf(org, inbound = 0) AS orgs_out,
         uniqExactIf(org, engaged = 1) AS orgs_engaged,
         uniqExact(org, host) AS hosts,
         uniqExact(org, floor(ts / 86400)) AS org_days,
         uniqExactIf(dport, inbound = 1) AS ports_in,
         uniqExactIf(dport, inbound = 0) AS ports_out,
         topK(1)(dport)[1] AS top_port,
         count() AS flows,
         sum(inbound) AS flows_in,
         sum(engaged) AS engaged,
         sum(bytes_up) AS bytes_up,
         min(ts) AS first_seen,
         max(ts) AS last_seen,
         1 AS one
  FROM
  (
    SELECT if(src_int = 1, dst, src) AS ep,
           if(src_int = 1, src, dst) AS host,
           if(src_int = 1, 0, 1) AS inbound,
           ifNull(org, '') AS org, ts, ifNull(dport, -1) AS dport,
           if((state IN ('SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR') OR (isNull(state) AND ifNull(bytes_in, 0) > 0))
              AND (ifNull(duration, 0) >= $longSeconds OR ifNull(bytes_out, 0) + ifNull(bytes_in, 0) >= $longBytes), 1, 0) AS engaged,
           if(src_int = 1, ifNull(bytes_out, 0), ifNull(bytes_in, 0)) AS bytes_up
    FROM flows
    WHERE src_int + dst_int = 1
  )
  GROUP BY ep
)
ANY INNER JOIN
(
  SELECT 1 AS one, uniqExact(ifNull(org, '')) AS orgs_total, uniqExact(floor(ts / 86400)) AS days_total,
         min(ts) AS window_start, max(ts) AS window_end
  FROM flows
  WHERE src_int + dst_int = 1
) USING one
