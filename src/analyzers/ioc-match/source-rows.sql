-- Per (indicator, source): the confidence and TLP that source gave it, and its validity window.
SELECT id, source, max(confidence) AS confidence,
       arg_max(tlp, CASE tlp WHEN 'clear' THEN 0 WHEN 'green' THEN 1 WHEN 'amber' THEN 2 WHEN 'amber+strict' THEN 3 ELSE 4 END) AS tlp,
       CASE WHEN bool_or(valid_from IS NULL) THEN NULL ELSE min(valid_from) END AS valid_from,
       CASE WHEN bool_or(valid_until IS NULL) THEN NULL ELSE max(valid_until) END AS valid_until
FROM indicators
WHERE type IN ('ipv4', 'ipv6', 'cidr', 'domain', 'url')
GROUP BY id, source
ORDER BY id, source
