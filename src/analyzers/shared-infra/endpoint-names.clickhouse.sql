-- ClickHouse 18.16 form of endpoint-names.sql: answers are JSON string arrays; extractAll pulls each
-- quoted value, IPv4StringToNum turns the addresses into keys (0 for anything else).
SELECT ep, name, uniqExact(org) AS orgs
FROM
(
  SELECT dst AS ep, lower(sni) AS name, ifNull(org, '') AS org FROM tls WHERE isNotNull(sni) AND sni != ''
  UNION ALL
  SELECT toInt64(IPv4StringToNum(a)) AS ep, lower(query) AS name, ifNull(org, '') AS org
  FROM dns
  ARRAY JOIN extractAll(ifNull(answers, ''), '"([^"]*)"') AS a
  WHERE IPv4StringToNum(a) != 0
)
GROUP BY ep, name
