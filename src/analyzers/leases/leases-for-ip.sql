-- Every lease ever recorded for one address (the analyzer cuts attack windows at their boundaries).
SELECT provider, "start", "end", account_id, server_id, evidence_id
FROM leases
WHERE ip = $ip
ORDER BY "start", account_id
