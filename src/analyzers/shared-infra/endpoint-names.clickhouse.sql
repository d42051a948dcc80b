-- ClickHouse 18.16 form of endpoint-names.sql: answers are JSON string arrays; extractAll pulls each
-- quoted value, IPv4StringToNum turns the addresses into keys. Only dotted quads reach it: current
-- ClickHouse throws on anything else where 18.16 returned 0 (found by the chdb replay).
SELECT ep, name, uniqExact(org) AS orgs
FROM
(
  SELECT dst AS ep, lower(sni) AS name, ifNull(org, '') AS org FROM tls WHERE isNotNull(sni) AND sni != ''
  UNION ALL
  SELECT toInt64(IPv4StringToNum(a)) AS ep, lower(query) AS name, ifNull(org, '') AS org
  FROM dns
  ARRAY JOIN extractAll(ifNull(answers, ''), '"([^"]*)"') AS a
  WHERE match(a, '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$') AND a != '0.0.0.0'
)
GROUP BY ep, name
