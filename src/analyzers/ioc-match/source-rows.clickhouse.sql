-- Per (indicator, source): the confidence and TLP that source gave it, and its validity window (as source-rows.sql).
SELECT id, source, max(ind_confidence) AS confidence,
       argMax(ind_tlp, transform(ind_tlp, ['clear', 'green', 'amber', 'amber+strict'], [0, 1, 2, 3], 4)) AS tlp,
       if(max(isNull(ind_valid_from)) = 1, NULL, min(ind_valid_from)) AS valid_from,
       if(max(isNull(ind_valid_until)) = 1, NULL, max(ind_valid_until)) AS valid_until
FROM (
  SELECT id, source, confidence AS ind_confidence, tlp AS ind_tlp, valid_from AS ind_valid_from, valid_until AS ind_valid_until
  FROM indicators
  WHERE type IN ('ipv4', 'ipv6', 'cidr', 'domain', 'url')
)
GROUP BY id, source
ORDER BY id, source
