-- Names seen for external IPv4 endpoints: TLS SNI sent to them, and DNS answers that resolved to them,
-- with how many victim orgs used each name.
SELECT ep, name, count(DISTINCT org) AS orgs
FROM (
  SELECT dst AS ep, lower(sni) AS name, coalesce(org, '') AS org FROM tls WHERE sni IS NOT NULL AND sni <> ''
  UNION ALL
  SELECT hoptrace_ip4(a) AS ep, lower(query) AS name, org
  FROM (SELECT query, coalesce(org, '') AS org, unnest(from_json(answers, '["VARCHAR"]')) AS a
        FROM dns WHERE answers IS NOT NULL AND answers LIKE '[%')
  WHERE hoptrace_ip4(a) IS NOT NULL
)
GROUP BY ep, name
