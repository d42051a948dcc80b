-- Every (victim org, internal host, flagged external endpoint) contact with its count: the graph's index
-- (built once per audience, then expansions are lookups instead of scans of the flows table).
SELECT org, CASE WHEN src_int = 1 THEN src ELSE dst END AS host, CASE WHEN src_int = 1 THEN dst ELSE src END AS ext,
       count(*) AS n, coalesce(sum(bytes_out), 0) AS bytes_out
FROM flows
WHERE org IS NOT NULL AND (CASE WHEN src_int = 1 THEN dst ELSE src END) IN (SELECT unnest($keys::BIGINT[]))
GROUP BY 1, 2, 3
