-- Connections for the relay detector: TCP/UDP flow records with ports, each observation point (evidence
-- file) kept apart so a capture's flows meet the packet timing of the same file. $since/$until bound the window.
SELECT evidence_id, uid, ts, coalesce(duration, 0) AS duration, src, sport, dst, dport, proto,
       bytes_out, bytes_in, pkts_out, pkts_in
FROM flows
WHERE proto IN ('tcp', 'udp') AND sport IS NOT NULL AND dport IS NOT NULL
  AND ts >= $since AND ts <= $until
ORDER BY ts
