-- Observations (flows either side, DNS queries and answers, TLS SNI) that match an indicator, judged against
-- each reporting source's validity window, aggregated per (indicator, org).
-- Domains match the name and its subdomains; URL indicators match their host exactly; IPv4 CIDRs by range.
-- An address observation that falls in a lease (leases table) which began after the source's valid_from
-- is on a re-leased IP: it is counted apart (released_hits), not as a hit.
-- $retro_seconds > 0 (opt-in retro-hunting) also accepts observations up to that long before valid_from
-- (intel is often published after the activity it describes); they are counted as retro_hits.
WITH src_ind AS (
  SELECT id, type, value, ip, source, valid_from, valid_until
  FROM indicators WHERE type IN ('ipv4', 'ipv6', 'cidr', 'domain', 'url')
),
uniq AS (
  SELECT DISTINCT id, type, value, ip,
    CASE WHEN type = 'cidr' AND ip >= 0 THEN ip END AS lo,
    CASE WHEN type = 'cidr' AND ip >= 0
         THEN ip + CAST(pow(2, 32 - CAST(split_part(value, '/', 2) AS INTEGER)) AS BIGINT) - 1 END AS hi,
    CASE WHEN type = 'url' THEN lower(regexp_extract(value, '^[a-z][a-z0-9+.-]*://([^/:?#]+)', 1)) ELSE value END AS host
  FROM src_ind
),
dns_names AS (
  SELECT rowid AS rid, org, ts, evidence_id, q,
         unnest(list_transform(range(1, len(string_split(q, '.')) + 1), i -> array_to_string(string_split(q, '.')[i:], '.'))) AS name
  FROM (SELECT rowid, org, ts, evidence_id, lower(rtrim(query, '.')) AS q FROM dns WHERE query IS NOT NULL AND query <> '')
),
dns_answers AS (
  SELECT rowid AS rid, org, ts, evidence_id, lower(rtrim(unnest(from_json(answers, '["VARCHAR"]')), '.')) AS answer
  FROM dns WHERE answers IS NOT NULL AND answers <> '[]'
),
sni_names AS (
  SELECT rowid AS rid, org, ts, evidence_id, s,
         unnest(list_transform(range(1, len(string_split(s, '.')) + 1), i -> array_to_string(string_split(s, '.')[i:], '.'))) AS name
  FROM (SELECT rowid, org, ts, evidence_id, lower(rtrim(sni, '.')) AS s FROM tls WHERE sni IS NOT NULL AND sni <> '')
),
obs AS (
  SELECT u.id, 'flow-dst' AS via, f.rowid AS rid, f.org, f.ts, f.evidence_id, f.dst AS addr
    FROM flows f JOIN uniq u ON u.type IN ('ipv4', 'ipv6') AND f.dst = u.ip
  UNION ALL SELECT u.id, 'flow-src', f.rowid, f.org, f.ts, f.evidence_id, f.src
    FROM flows f JOIN uniq u ON u.type IN ('ipv4', 'ipv6') AND f.src = u.ip
  UNION ALL SELECT u.id, 'flow-dst', f.rowid, f.org, f.ts, f.evidence_id, f.dst
    FROM flows f JOIN uniq u ON u.type = 'cidr' AND f.dst BETWEEN u.lo AND u.hi
  UNION ALL SELECT u.id, 'flow-src', f.rowid, f.org, f.ts, f.evidence_id, f.src
    FROM flows f JOIN uniq u ON u.type = 'cidr' AND f.src BETWEEN u.lo AND u.hi
  UNION ALL SELECT u.id, 'dns-query', d.rid, d.org, d.ts, d.evidence_id, NULL
    FROM dns_names d JOIN uniq u ON d.name = u.host WHERE u.type = 'domain'
  UNION ALL SELECT u.id, 'dns-query', d.rid, d.org, d.ts, d.evidence_id, NULL
    FROM dns_names d JOIN uniq u ON d.q = u.host WHERE u.type = 'url' AND d.name = d.q
  UNION ALL SELECT u.id, 'dns-answer', a.rid, a.org, a.ts, a.evidence_id, u.ip
    FROM dns_answers a JOIN uniq u ON u.type IN ('ipv4', 'ipv6', 'domain') AND a.answer = u.value
  UNION ALL SELECT u.id, 'tls-sni', t.rid, t.org, t.ts, t.evidence_id, NULL
    FROM sni_names t JOIN uniq u ON t.name = u.host WHERE u.type = 'domain'
  UNION ALL SELECT u.id, 'tls-sni', t.rid, t.org, t.ts, t.evidence_id, NULL
    FROM sni_names t JOIN uniq u ON t.s = u.host WHERE u.type = 'url' AND t.name = t.s
),
leased AS (
  SELECT o.*, (SELECT max(l.start) FROM leases l
               WHERE l.ip = o.addr AND l.start <= o.ts AND (l."end" IS NULL OR o.ts < l."end")) AS lease_start
  FROM (SELECT DISTINCT * FROM obs) o
),
per_source AS (
  SELECT o.*, s.source,
         (s.valid_from IS NULL OR o.ts >= s.valid_from - $retro_seconds) AND (s.valid_until IS NULL OR o.ts <= s.valid_until) AS in_window,
         s.valid_from IS NOT NULL AND o.ts < s.valid_from AS before_valid,
         coalesce(o.lease_start > s.valid_from, false) AS released
  FROM leased o JOIN src_ind s ON s.id = o.id
),
judged AS (
  SELECT id, via, rid, org, ts, evidence_id,
         bool_or(in_window AND NOT released) AS fresh,
         NOT bool_or(in_window AND NOT released AND NOT before_valid) AS retro_only,
         bool_or(in_window AND released) AS released_only,
         list(DISTINCT source) FILTER (WHERE in_window AND NOT released) AS fresh_sources
  FROM per_source
  GROUP BY id, via, rid, org, ts, evidence_id
)
SELECT id, org,
       count(*) FILTER (WHERE fresh) AS hits,
       count(*) FILTER (WHERE fresh AND retro_only) AS retro_hits,
       count(*) FILTER (WHERE NOT fresh AND released_only) AS released_hits,
       count(*) FILTER (WHERE NOT fresh AND NOT released_only) AS stale_hits,
       min(ts) FILTER (WHERE fresh) AS first_seen, max(ts) FILTER (WHERE fresh) AS last_seen,
       min(ts) FILTER (WHERE NOT fresh) AS stale_first_seen, max(ts) FILTER (WHERE NOT fresh) AS stale_last_seen,
       coalesce(list_sort(list_distinct(list(via) FILTER (WHERE fresh))), []) AS via,
       coalesce(list_sort(list_distinct(list(via) FILTER (WHERE NOT fresh))), []) AS stale_via,
       coalesce(list_sort(list_distinct(flatten(list(fresh_sources) FILTER (WHERE fresh)))), []) AS matched_sources,
       list_sort(list_distinct(list(evidence_id))) AS evidence_ids
FROM judged
GROUP BY id, org
ORDER BY id, org
