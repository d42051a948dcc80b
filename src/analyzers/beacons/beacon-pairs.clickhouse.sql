-- ClickHouse 18.16 form of beacon-pairs.sql (no window functions; groupArray + arraySort; $name are
-- substituted as literals by the engine). One pass: ClickHouse aggregates the arrays cheaply.
-- Joined subqueries carry aliases: current ClickHouse requires them (joined_subquery_requires_alias).
-- ALL, not ANY: the right sides have one row per key, and current ClickHouse's ANY INNER JOIN also keeps
-- only one LEFT row per key (18.16 kept them all), so ANY would silently drop pairs there.
-- One JOIN per SELECT (18.16 has no multiple JOINs): pairs ⋈ org windows/hosts, then ⋈ per-endpoint hosts.
-- dst_hosts / org_hosts use uniqExact (DuckDB: count(DISTINCT src)), so prevalence is exact on both engines.
SELECT org, src, dst, dport, connections, first_seen, last_seen, window_start, window_end, dst_hosts, org_hosts,
       connections >= $strobePerDay * greatest(1.0, (window_end - window_start) / 86400.0) AS strobe,
       if(strobe, emptyArrayFloat64(), ts_list) AS ts_list,
       if(strobe, emptyArrayInt64(), bytes_list) AS bytes_list
FROM
(
  SELECT org, src, dst, dport, connections, first_seen, last_seen, ts_list, bytes_list, window_start, window_end, org_hosts
  FROM
  (
    SELECT org, src, dst, dport, count() AS connections, min(ts) AS first_seen, max(ts) AS last_seen,
           arraySort(groupArray(ts)) AS ts_list, groupArray(bytes) AS bytes_list
    FROM
    (
      SELECT ifNull(org, '') AS org, src, dst, ifNull(dport, -1) * $byPort + ($byPort - 1) AS dport,
             ts, ifNull(bytes_out, 0) AS bytes
      FROM flows
      WHERE src_int >= $srcIntMin AND dst_int <= $dstIntMax
    )
    GROUP BY org, src, dst, dport
    HAVING uniqExact(floor(ts)) >= $minConnections
  ) AS pairs
  ALL INNER JOIN
  (
    SELECT ifNull(org, '') AS org, min(ts) AS window_start, max(ts) AS window_end, uniqExact(src) AS org_hosts
    FROM flows
    WHERE src_int >= $srcIntMin AND dst_int <= $dstIntMax
    GROUP BY org
  ) AS windows USING org
) AS judged
ALL INNER JOIN
(
  SELECT ifNull(org, '') AS org, dst, uniqExact(src) AS dst_hosts
  FROM flows
  WHERE src_int >= $srcIntMin AND dst_int <= $dstIntMax
  GROUP BY org, dst
) AS endpoint_hosts USING (org, dst)
