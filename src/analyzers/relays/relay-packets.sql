-- Payload-carrying packet times per connection and direction (0 originator → responder, 1 reverse),
-- only where a capture gave packet timing. Packets of at least $minPayload bytes count.
SELECT evidence_id, conn,
       list(ts ORDER BY ts) FILTER (WHERE dir = 0 AND len >= $minPayload) AS up,
       list(ts ORDER BY ts) FILTER (WHERE dir = 1 AND len >= $minPayload) AS down
FROM packets
GROUP BY evidence_id, conn
