-- External endpoints one internal host talked to; flagged ones first.
SELECT ext, n, ext IN (SELECT unnest($keys::BIGINT[])) AS flagged FROM (
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ext, count(*) AS n
  FROM flows
  WHERE org = $org AND (CASE WHEN src_int = 1 THEN src ELSE dst END) = $host
  GROUP BY 1
) ORDER BY flagged DESC, n DESC, ext LIMIT $limit
