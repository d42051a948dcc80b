-- Beacon candidates: per (org, src, dst[, dport]) pair with at least $minConnections distinct whole
-- seconds, the connection start times (ascending) and originator bytes, plus the observation window of
-- the org that saw it. Which flows: src_int >= $srcIntMin AND dst_int <= $dstIntMax (1, 0 = internal
-- host → external endpoint; 0, 1 = every originator → responder pair). $byPort = 0 merges ports (dport
-- = -1). Pairs are counted first so lists are only built for pairs that can qualify. Strobes (at least
-- $strobePerDay connections per day of window) come back without their lists. dst_hosts / org_hosts =
-- how many of the org's internal hosts talk to the same endpoint (RITA's prevalence).
WITH scoped AS (
  SELECT coalesce(org, '') AS org, src, dst, coalesce(dport, -1) * $byPort + ($byPort - 1) AS dport,
         ts, coalesce(bytes_out, 0) AS bytes
  FROM flows
  WHERE src_int >= $srcIntMin AND dst_int <= $dstIntMax
),
windows AS (
  SELECT org, min(ts) AS window_start, max(ts) AS window_end FROM scoped GROUP BY org
),
candidates AS (
  SELECT org, src, dst, dport FROM scoped GROUP BY org, src, dst, dport HAVING count(*) >= $minConnections
),
pairs AS (
  SELECT org, src, dst, dport, count(*) AS connections, min(ts) AS first_seen, max(ts) AS last_seen,
         list(ts ORDER BY ts) AS ts_list, list(bytes) AS bytes_list
  FROM scoped SEMI JOIN candidates USING (org, src, dst, dport)
  GROUP BY org, src, dst, dport
  HAVING count(DISTINCT floor(ts)) >= $minConnections
),
org_hosts AS (
  SELECT org, count(DISTINCT src) AS org_hosts FROM scoped GROUP BY org
),
dst_hosts AS (
  SELECT org, dst, count(DISTINCT src) AS dst_hosts
  FROM scoped SEMI JOIN (SELECT DISTINCT org, dst FROM candidates) c USING (org, dst)
  GROUP BY org, dst
),
judged AS (
  SELECT p.*, w.window_start, w.window_end, d.dst_hosts, h.org_hosts,
         p.connections >= $strobePerDay * greatest(1.0, (w.window_end - w.window_start) / 86400.0) AS strobe
  FROM pairs p JOIN windows w ON p.org = w.org
  JOIN dst_hosts d ON p.org = d.org AND p.dst = d.dst
  JOIN org_hosts h ON p.org = h.org
)
SELECT org, src, dst, dport, connections, first_seen, last_seen, window_start, window_end, strobe, dst_hosts, org_hosts,
       CASE WHEN strobe THEN NULL ELSE ts_list END AS ts_list,
       CASE WHEN strobe THEN NULL ELSE bytes_list END AS bytes_list
FROM judged
