-- Time span of victim activity with flagged endpoints (chooses the timeline bucket).
SELECT min(ts) AS lo, max(ts) AS hi, count(*) AS n
FROM flows
WHERE org IS NOT NULL AND ($org = '' OR org = $org)
  AND (dst IN (SELECT unnest($keys::BIGINT[])) OR src IN (SELECT unnest($keys::BIGINT[])))
