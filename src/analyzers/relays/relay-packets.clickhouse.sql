-- ClickHouse form of relay-packets.sql (18.16: no FILTER clause, arrays sorted explicitly).
SELECT evidence_id, conn,
       arraySort(groupArrayIf(ts, dir = 0 AND len >= $minPayload)) AS up,
       arraySort(groupArrayIf(ts, dir = 1 AND len >= $minPayload)) AS down
FROM packets
GROUP BY evidence_id, conn
