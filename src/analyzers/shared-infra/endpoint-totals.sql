-- The window the endpoint evidence is measured against: victim orgs and days with any external flow.
SELECT count(DISTINCT coalesce(org, '')) AS orgs_total, count(DISTINCT floor(ts / 86400)) AS days_total,
       min(ts) AS window_start, max(ts) AS window_end
FROM flows
WHERE src_int + dst_int = 1
