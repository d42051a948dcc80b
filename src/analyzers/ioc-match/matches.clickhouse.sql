-- matches.sql for ClickHouse (same rows). 18.16 has no rowid and no correlated subqueries, so instead of
-- joining each observation to every source row and folding back by rowid, each observation (one per
-- record, indicator and way of matching: duplicates are never generated) carries its indicator's source
-- windows and the observed address's leases as arrays, and is judged with array functions.
-- Open bounds are ±1e308; an absent address is a key no IP maps to. Inner names differ from outer aliases.
SELECT id, org,
       countIf(fresh) AS hits,
       countIf(fresh AND retro_only) AS retro_hits,
       countIf(NOT fresh AND released_only) AS released_hits,
       countIf(NOT fresh AND NOT released_only) AS stale_hits,
       if(countIf(fresh) = 0, NULL, minIf(obs_ts, fresh)) AS first_seen,
       if(countIf(fresh) = 0, NULL, maxIf(obs_ts, fresh)) AS last_seen,
       if(countIf(NOT fresh) = 0, NULL, minIf(obs_ts, NOT fresh)) AS stale_first_seen,
       if(countIf(NOT fresh) = 0, NULL, maxIf(obs_ts, NOT fresh)) AS stale_last_seen,
       arraySort(groupUniqArrayIf(obs_via, fresh)) AS via,
       arraySort(groupUniqArrayIf(obs_via, NOT fresh)) AS stale_via,
       arraySort(groupUniqArrayArray(fresh_sources)) AS matched_sources,
       arraySort(groupUniqArray(obs_evidence_id)) AS evidence_ids
FROM (
  SELECT id, org, obs_via, obs_ts, obs_evidence_id, fresh_sources,
         notEmpty(fresh_sources) AS fresh,
         NOT arrayExists((w, r, b) -> w AND NOT r AND NOT b, in_window, released, before_valid) AS retro_only,
         arrayExists((w, r) -> w AND r, in_window, released) AS released_only
  FROM (
    SELECT id, org, obs_via, obs_ts, obs_evidence_id, in_window, released, before_valid,
           arrayFilter((s, w, r) -> w AND NOT r, w_sources, in_window, released) AS fresh_sources
    FROM (
      SELECT id, org, obs_via, obs_ts, obs_evidence_id, w_sources,
             arrayMap((vf, vu, t) -> t >= vf - $retro_seconds AND t <= vu, w_from, w_until, ts_rep) AS in_window,
             arrayMap((vf, h, t) -> h AND t < vf, w_from, w_has_from, ts_rep) AS before_valid,
             arrayMap((vf, h, lz, lsz) -> lz AND h AND lsz > vf, w_from, w_has_from, leased_rep, lease_start_rep) AS released
      FROM (
       -- the latest lease holding the address at the observation (leased = 0: none). 18.16 drops columns a
       -- lambda reads from the level below when the level above does not select them too, so the per-row
       -- values are repeated into arrays and passed as lambda arguments.
       SELECT id, org, obs_via, obs_ts, obs_evidence_id, w_sources, w_from, w_until, w_has_from,
              arrayResize([obs_ts], length(w_from), obs_ts) AS ts_rep,
              arrayResize([notEmpty(lease_hits)], length(w_from), notEmpty(lease_hits)) AS leased_rep,
              arrayResize([arrayReduce('max', lease_hits)], length(w_from), arrayReduce('max', lease_hits)) AS lease_start_rep
       FROM (
       SELECT id, org, obs_via, obs_ts, obs_evidence_id, w_sources, w_from, w_until, w_has_from,
              arrayFilter((ls, le) -> ls <= obs_ts AND obs_ts < le, l_starts, l_ends) AS lease_hits
      -- 18.16: a lambda cannot read the row's columns in a SELECT that joins, so every join sits one level down
      FROM (
       SELECT id, org, obs_via, obs_ts, obs_evidence_id, w_sources, w_from, w_until, w_has_from, l_starts, l_ends
       FROM (
        SELECT id, org, obs_via, obs_ts, obs_evidence_id, addr, w_sources, w_from, w_until, w_has_from
        FROM (
          -- flows: the indicator's address on either side
          SELECT u_id AS id, 'flow-dst' AS obs_via, org, ts AS obs_ts, evidence_id AS obs_evidence_id, dst AS addr
          FROM flows ALL INNER JOIN (
            SELECT id AS u_id, assumeNotNull(ip) AS dst FROM indicators
            WHERE type IN ('ipv4', 'ipv6') AND ip IS NOT NULL GROUP BY id, ip) AS u USING (dst)
          UNION ALL
          SELECT u_id AS id, 'flow-src' AS obs_via, org, ts AS obs_ts, evidence_id AS obs_evidence_id, src AS addr
          FROM flows ALL INNER JOIN (
            SELECT id AS u_id, assumeNotNull(ip) AS src FROM indicators
            WHERE type IN ('ipv4', 'ipv6') AND ip IS NOT NULL GROUP BY id, ip) AS u USING (src)
          UNION ALL
          -- flows: either side inside an IPv4 CIDR (CIDRs are few: each flow is tested against the list)
          SELECT arrayJoin(arrayFilter((i, lo, hi) -> flow_addr >= lo AND flow_addr <= hi, c_ids, c_los, c_his)) AS id,
                 flow_via AS obs_via, org, ts AS obs_ts, evidence_id AS obs_evidence_id, flow_addr AS addr
          FROM (
           SELECT org, ts, evidence_id, flow_via, flow_addr, c_ids, c_los, c_his
           FROM (
            SELECT org, ts, evidence_id, 1 AS one, arrayJoin([('flow-dst', dst), ('flow-src', src)]) AS side,
                   side.1 AS flow_via, side.2 AS flow_addr
            FROM flows
           ) AS f ALL INNER JOIN (
            SELECT 1 AS one, groupArray(id) AS c_ids, groupArray(c_lo) AS c_los, groupArray(c_hi) AS c_his
            FROM (
              SELECT id, any(assumeNotNull(ip)) AS c_lo,
                     any(assumeNotNull(ip) + bitShiftLeft(toInt64(1), 32 - toInt64(splitByChar('/', value)[2])) - 1) AS c_hi
              FROM indicators WHERE type = 'cidr' AND ip >= 0 GROUP BY id)
           ) AS c USING (one)
          )
          UNION ALL
          -- DNS queries and TLS SNI: a domain matches the name or a parent; a URL its host exactly
          SELECT u_id AS id, name_via AS obs_via, org, ts AS obs_ts, evidence_id AS obs_evidence_id, toInt64(-9223372036854775807) AS addr
          FROM (
            SELECT org, ts, evidence_id, name_via, full_name,
                   arrayJoin(arrayMap(i -> arrayStringConcat(arraySlice(splitByChar('.', full_name), i), '.'),
                                      arrayEnumerate(splitByChar('.', full_name)))) AS host
            FROM (
              SELECT org, ts, evidence_id, 'dns-query' AS name_via, lower(replaceRegexpOne(query, '\\.+$', '')) AS full_name
              FROM dns WHERE query <> ''
              UNION ALL
              SELECT org, ts, evidence_id, 'tls-sni' AS name_via, lower(replaceRegexpOne(assumeNotNull(sni), '\\.+$', '')) AS full_name
              FROM tls WHERE sni IS NOT NULL AND sni <> ''
            )
          ) AS d ALL INNER JOIN (
            SELECT id AS u_id, any(type) AS u_type, value AS host FROM indicators WHERE type = 'domain' GROUP BY id, value
            UNION ALL
            SELECT id AS u_id, any(type) AS u_type, lower(extract(value, '^[a-z][a-z0-9+.-]*://([^/:?#]+)')) AS host
            FROM indicators WHERE type = 'url' GROUP BY id, value
          ) AS u USING (host)
          WHERE u_type = 'domain' OR host = full_name
          UNION ALL
          -- DNS answers: an address or a name the indicator gives
          SELECT u_id AS id, 'dns-answer' AS obs_via, org, ts AS obs_ts, evidence_id AS obs_evidence_id,
                 ifNull(u_ip, toInt64(-9223372036854775807)) AS addr
          FROM (
            SELECT org, ts, evidence_id,
                   arrayJoin(arrayDistinct(arrayMap(x -> lower(replaceRegexpOne(x, '\\.+$', '')),
                                                    extractAll(assumeNotNull(answers), '"((?:[^"\\\\]|\\\\.)*)"')))) AS answer
            FROM dns WHERE answers IS NOT NULL AND answers <> '[]'
          ) AS a ALL INNER JOIN (
            SELECT id AS u_id, any(ip) AS u_ip, value AS answer FROM indicators
            WHERE type IN ('ipv4', 'ipv6', 'domain') GROUP BY id, value
          ) AS u USING (answer)
        ) AS obs ALL INNER JOIN (
          SELECT id, groupArray(source) AS w_sources,
                 groupArray(ifNull(valid_from, -1e308)) AS w_from, groupArray(isNotNull(valid_from)) AS w_has_from,
                 groupArray(ifNull(valid_until, 1e308)) AS w_until
          FROM indicators WHERE type IN ('ipv4', 'ipv6', 'cidr', 'domain', 'url') GROUP BY id
        ) AS w USING (id)
       ) AS ow ALL LEFT JOIN (
         SELECT ip AS addr, groupArray(start) AS l_starts, groupArray(ifNull(`end`, 1e308)) AS l_ends FROM leases GROUP BY ip
       ) AS l USING (addr)
      )
      )
      )
    )
  )
)
GROUP BY id, org
ORDER BY id, org
SETTINGS join_use_nulls = 0
