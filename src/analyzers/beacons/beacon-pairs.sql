-- Beacon candidates: per (org, src, dst[, dport]) pair with at least $minConnections distinct whole
-- seconds, the connection start times (ascending) and originator bytes, plus the observation window of
-- the org that saw it. $allPairs = 1 keeps every originator→responder pair (file tool without an org
-- directory); 0 keeps internal host → external endpoint only. $byPort = 0 merges ports (dport = -1).
-- Strobes (at least $strobePerDay connections per day of window) come back without their lists.
WITH scoped AS (
  SELECT coalesce(org, '') AS org, src, dst,
         CASE WHEN $byPort = 1 THEN coalesce(dport, -1) ELSE -1 END AS dport,
         ts, coalesce(bytes_out, 0) AS bytes
  FROM flows
  WHERE $allPairs = 1 OR (src_int = 1 AND dst_int = 0)
),
windows AS (
  SELECT org, min(ts) AS window_start, max(ts) AS window_end FROM scoped GROUP BY org
),
pairs AS (
  SELECT org, src, dst, dport, count(*) AS connections, min(ts) AS first_seen, max(ts) AS last_seen,
         list(ts ORDER BY ts) AS ts_list, list(bytes) AS bytes_list
  FROM scoped
  GROUP BY org, src, dst, dport
  HAVING count(DISTINCT floor(ts)) >= $minConnections
)
SELECT p.org, p.src, p.dst, p.dport, p.connections, p.first_seen, p.last_seen, w.window_start, w.window_end,
       p.connections >= $strobePerDay * greatest(1.0, (w.window_end - w.window_start) / 86400.0) AS strobe,
       CASE WHEN p.connections >= $strobePerDay * greatest(1.0, (w.window_end - w.window_start) / 86400.0)
            THEN NULL ELSE p.ts_list END AS ts_list,
       CASE WHEN p.connections >= $strobePerDay * greatest(1.0, (w.window_end - w.window_start) / 86400.0)
            THEN NULL ELSE p.bytes_list END AS bytes_list
FROM pairs p JOIN windows w ON p.org = w.org
