-- Per victim org and attacker endpoint: every flow between them inside the window the endpoint was attacker-held.
-- $keys/$starts/$ends: one row per (endpoint key, window); flows are matched on their external side.
WITH infra AS (
  SELECT unnest($keys::BIGINT[]) AS k, unnest($starts::DOUBLE[]) AS s, unnest($ends::DOUBLE[]) AS e
),
f AS (
  SELECT org, ts, duration, state, src_int, dst_int, src, dst, dport, sport,
         CASE WHEN src_int = 1 THEN dst ELSE src END AS ext,
         CASE WHEN src_int = 1 THEN src ELSE dst END AS host,
         CASE WHEN src_int = 1 THEN coalesce(bytes_out, 0) ELSE coalesce(bytes_in, 0) END AS up,
         CASE WHEN src_int = 1 THEN coalesce(bytes_in, 0) ELSE coalesce(bytes_out, 0) END AS down,
         dport AS svc_port,
         evidence_id
  FROM flows
  WHERE org IS NOT NULL AND src_int + dst_int = 1
)
SELECT f.org, f.ext, min(f.ts) AS first_seen, max(f.ts + coalesce(f.duration, 0)) AS last_seen, max(f.ts) AS last_start,
       count(*) AS flows,
       count(*) FILTER (WHERE f.state IN ('SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR')) AS established,
       count(*) FILTER (WHERE f.state IN ('S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH')) AS attempts,
       count(*) FILTER (WHERE f.src_int = 0) AS inbound,
       sum(f.up) AS bytes_up, sum(f.down) AS bytes_down,
       list(DISTINCT f.host ORDER BY f.host) AS hosts,
       list(DISTINCT f.svc_port ORDER BY f.svc_port) FILTER (WHERE f.svc_port IS NOT NULL) AS ports, -- server-side (destination) ports
       list(DISTINCT f.evidence_id ORDER BY f.evidence_id) AS evidence_ids
FROM f JOIN infra i ON f.ext = i.k AND f.ts >= i.s AND f.ts <= i.e
GROUP BY f.org, f.ext
ORDER BY f.org, f.ext
