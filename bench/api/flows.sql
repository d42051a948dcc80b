-- Synthetic flows for the API benchmark: $n rows over three days, $orgs victim orgs, one flow in 97 going to
-- one of five attacker endpoints (203.0.113.10-14), the rest to ~5M distinct external addresses.
INSERT INTO flows (evidence_id, org, sensor, ts, duration, src, sport, dst, dport, proto, service, bytes_out, bytes_in, pkts_out, pkts_in, state, uid, src_int, dst_int)
SELECT 'bench-flows', 'org-' || (i % $orgs), 'bench', $t0 + i * (259200.0 / $n), 1.5,
       167772160 + (i % $orgs) * 65536 + (i * 7919) % 4000, 40000 + i % 20000,
       CASE WHEN i % 97 = 0 THEN 3405803786 + (i // 97) % 5 ELSE 1572864000 + (i * 2654435761) % 5000000 END,
       CASE WHEN i % 3 = 0 THEN 22 ELSE 443 END, 'tcp', 'ssl', 500 + i % 5000, 2000, 5, 6, 'SF', NULL, 1, 0
FROM range($n) t(i)
