-- Every (victim org, internal host, flagged external endpoint) contact with its count (as contacts.sql).
SELECT org, if(src_int = 1, src, dst) AS host, if(src_int = 1, dst, src) AS ext,
       count() AS n, sum(ifNull(bytes_out, 0)) AS bytes_out
FROM flows
WHERE org IS NOT NULL AND has($keys, if(src_int = 1, dst, src))
GROUP BY org, host, ext
