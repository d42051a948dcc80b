-- Bulk load of a plain Zeek conn.log (TSV) straight through DuckDB's CSV reader.
-- The COLUMNS marker below is replaced by the STRUCT literal of the file's #fields (read_csv takes no parameter there; see zeek-conn-bulk.ts); malformed lines land in DuckDB's reject_errors table.
-- IPv4 only: an IPv6 or malformed address is NULL, which the NOT NULL src/dst columns refuse, so the whole insert
-- fails and the caller falls back to the row parser. (A WHERE on src/dst would be pushed below the projection
-- and parse every address twice.)
-- Org blocks are matched by an equi-join on /16 buckets plus a range check (hash join; an ASOF join cost 10x).
-- Nested public blocks would duplicate rows: the reconcile check then rolls back and the row parser takes over.
INSERT INTO flows
WITH public_blocks AS (
  SELECT lo, hi, org, unnest(range(lo // 65536, hi // 65536 + 1)) AS bucket
  FROM org_networks WHERE NOT hoptrace_private4(lo)
)
SELECT $evidence_id, coalesce($org, src_org, dst_org), $sensor, ts, duration, src, sport, dst, dport, proto, service,
       bytes_out, bytes_in, pkts_out, pkts_in, state, uid,
       CASE WHEN src_org IS NOT NULL OR ($org IS NOT NULL AND hoptrace_private4(src)) THEN 1 ELSE 0 END,
       CASE WHEN dst_org IS NOT NULL OR ($org IS NOT NULL AND hoptrace_private4(dst)) THEN 1 ELSE 0 END
FROM (
  SELECT c.*, ns.org AS src_org, nd.org AS dst_org
  FROM (
    SELECT "ts" AS ts, "duration" AS duration, hoptrace_ip4("id.orig_h") AS src, "id.orig_p" AS sport,
           hoptrace_ip4("id.resp_h") AS dst, "id.resp_p" AS dport, "proto" AS proto,
           nullif("service", '(empty)') AS service, "orig_bytes" AS bytes_out, "resp_bytes" AS bytes_in,
           "orig_pkts" AS pkts_out, "resp_pkts" AS pkts_in, "conn_state" AS state, "uid" AS uid
    FROM read_csv($path, delim = '\t', comment = '#', header = false, nullstr = '-', quote = '', escape = '',
                  auto_detect = false, store_rejects = true, rejects_table = 'hoptrace_rejects', rejects_scan = 'hoptrace_scans',
                  columns = /*COLUMNS*/)
  ) c
  LEFT JOIN public_blocks ns ON c.src // 65536 = ns.bucket AND c.src BETWEEN ns.lo AND ns.hi
  LEFT JOIN public_blocks nd ON c.dst // 65536 = nd.bucket AND c.dst BETWEEN nd.lo AND nd.hi
)
