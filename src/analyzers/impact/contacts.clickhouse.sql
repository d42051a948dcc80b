-- Per victim org and attacker endpoint: every flow between them inside the window the endpoint was
-- attacker-held (as contacts.sql). $keys/$starts/$ends: one row per (endpoint key, window), unrolled with
-- arrayJoin; flows are matched on their external side (the shard key: each shard joins its own flows).
SELECT org, ext, min(f_ts) AS first_seen, max(f_ts + f_duration) AS last_seen, max(f_ts) AS last_start,
       count() AS flows,
       countIf(f_state IN ('SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR')) AS established,
       countIf(f_state IN ('S0', 'REJ', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH')) AS attempts,
       countIf(f_src_int = 0) AS inbound,
       sum(up) AS bytes_up, sum(down) AS bytes_down,
       arraySort(groupUniqArray(host)) AS hosts,
       arraySort(groupUniqArray(svc_port)) AS ports, -- server-side (destination) ports; NULLs are skipped
       arraySort(groupUniqArray(f_evidence_id)) AS evidence_ids
FROM (
  SELECT org, ext, f_ts, f_duration, f_state, f_src_int, up, down, host, svc_port, f_evidence_id
  FROM (
    SELECT org, ts AS f_ts, ifNull(duration, 0) AS f_duration, ifNull(state, '') AS f_state, src_int AS f_src_int,
           if(src_int = 1, dst, src) AS ext,
           if(src_int = 1, src, dst) AS host,
           if(src_int = 1, ifNull(bytes_out, 0), ifNull(bytes_in, 0)) AS up,
           if(src_int = 1, ifNull(bytes_in, 0), ifNull(bytes_out, 0)) AS down,
           dport AS svc_port, evidence_id AS f_evidence_id
    FROM flows
    WHERE org IS NOT NULL AND src_int + dst_int = 1
  ) AS f ALL INNER JOIN (
    SELECT tupleElement(w, 1) AS ext, tupleElement(w, 2) AS w_start, tupleElement(w, 3) AS w_end
    FROM (SELECT arrayJoin(arrayMap((k, s, e) -> (toInt64(k), toFloat64(s), toFloat64(e)), $keys, $starts, $ends)) AS w)
  ) AS i USING (ext)
  WHERE f_ts >= w_start AND f_ts <= w_end
)
GROUP BY org, ext
ORDER BY org, ext
