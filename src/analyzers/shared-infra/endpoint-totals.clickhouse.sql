-- ClickHouse 18.16 form of endpoint-totals.sql.
SELECT uniqExact(ifNull(org, '')) AS orgs_total, uniqExact(floor(ts / 86400)) AS days_total,
       min(ts) AS window_start, max(ts) AS window_end
FROM flows
WHERE src_int + dst_int = 1
