-- External endpoints one internal host talked to; flagged ones first (as host-endpoints.sql).
SELECT ext, n, has($keys, ext) AS flagged FROM (
  SELECT if(src_int = 1, dst, src) AS ext, count() AS n
  FROM flows
  WHERE org = $org AND if(src_int = 1, src, dst) = $host
  GROUP BY ext
) ORDER BY flagged DESC, n DESC, ext LIMIT $limit
