-- Time span of victim activity with flagged endpoints (as flagged-span.sql: NULLs when there is none).
SELECT if(count() = 0, NULL, min(ts)) AS lo, if(count() = 0, NULL, max(ts)) AS hi, count() AS n
FROM flows
WHERE org IS NOT NULL AND ($org = '' OR org = $org) AND (has($keys, dst) OR has($keys, src))
