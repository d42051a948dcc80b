-- Evidence per external endpoint: every flow with exactly one side inside a victim org, seen from the
-- outside address. flows_in = flows the endpoint opened. A session is "engaged" when it was established and
-- lasted at least $longSeconds or moved at least $longBytes. common_flows = flows to a port in $commonPorts.
-- Counts are exact. Eligible: endpoints reached by at least $minOrgs orgs, and known indicators (valid at
-- some time in $windowStart..$windowEnd); the rest cannot score.
--
-- Two aggregations, no DISTINCT aggregates: per endpoint (flow counts, bytes, times) and per (endpoint, org),
-- one BIGINT per org whose bits 0..61 are the days it saw the endpoint (day − $day0) and bit 62 whether any
-- of its sessions was engaged; orgs, orgs_engaged and org_days are then plain counts over those. Windows of
-- 62 days or more do not fit the day bits: org_days then comes from distinct (endpoint, org, day) rows
-- (wide_org_days, empty otherwise).
--
-- Indicator follow-ups (ioc-follow.sql and follow.ts in one): from each indicator worth trusting (not
-- over-correlating, not scanner-like), the internal hosts whose first contact with an endpoint came within
-- $followSeconds after they first touched it; per endpoint the most hosts and orgs over those indicators.
-- They are counted only for endpoints that follow-ups could lift to the cut (follow_candidates): no other
-- endpoint is returned, so the numbers returned are exact.
--
-- rank_score is score.ts's scoreEndpoint in SQL, from the window numbers the caller binds. It only prunes:
-- the rows returned are every eligible endpoint whose rank_score reaches both $minScore and the
-- $maxFindings-th best, less $rankSlack, plus those in $alwaysEps (named endpoints); the caller scores what
-- it gets with score.ts. A negative $minScore and $maxFindings = 2^31−1 return every eligible endpoint.
WITH f AS NOT MATERIALIZED (
  SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS ep,
         CASE WHEN src_int = 1 THEN src ELSE dst END AS host,
         coalesce(org, '') AS org,
         src_int = 0 AS inbound,
         ts,
         floor(ts / 86400)::BIGINT - $day0 AS day,
         (coalesce(duration, 0) >= $longSeconds OR coalesce(bytes_out, 0) + coalesce(bytes_in, 0) >= $longBytes)
           AND (list_contains(['SF', 'S1', 'S2', 'S3', 'RSTO', 'RSTR'], state) OR (state IS NULL AND coalesce(bytes_in, 0) > 0)) AS engaged,
         list_contains($commonPorts::BIGINT[], dport) AS common,
         CASE WHEN src_int = 1 THEN coalesce(bytes_out, 0) ELSE coalesce(bytes_in, 0) END AS bytes_up
  FROM flows
  WHERE src_int + dst_int = 1
),
ioc AS (
  SELECT DISTINCT ip AS ep FROM indicators
  WHERE ip IS NOT NULL AND (valid_until IS NULL OR valid_until >= $windowStart) AND (valid_from IS NULL OR valid_from <= $windowEnd)
),
per_ep AS (
  SELECT ep, count(*) AS flows, count_if(inbound) AS flows_in, count_if(common) AS common_flows, sum(bytes_up) AS bytes_up,
         count_if(engaged) AS engaged, min(ts) AS first_seen, max(ts) AS last_seen
  FROM f
  GROUP BY ep
),
per_org AS (
  -- least(day, 61): wide windows keep the shift in range (their org_days come from wide_org_days)
  SELECT ep, org, bit_or((1::BIGINT << least(day, 61)) | CASE WHEN engaged THEN 4611686018427387904 ELSE 0 END) AS bits -- 2^62
  FROM f
  GROUP BY ep, org
),
wide_org_days AS (
  SELECT ep, count(*) AS org_days FROM (SELECT DISTINCT ep, org, day FROM f WHERE $day1 - $day0 >= 62) GROUP BY ep
),
per_ep_orgs AS (
  SELECT ep, count(*) AS orgs, count_if(bits >= 4611686018427387904) AS orgs_engaged, -- bit 62
         sum(bit_count(bits & 4611686018427387903)) AS org_days -- bits 0..61
  FROM per_org
  GROUP BY ep
  HAVING count(*) >= $minOrgs OR ep IN (SELECT ep FROM ioc)
),
ports AS (
  SELECT src AS ep, count(DISTINCT dport) AS ports_in
  FROM flows
  WHERE src_int = 0 AND dst_int = 1 AND src IN (SELECT ep FROM per_ep_orgs)
  GROUP BY src
),
stats AS (
  SELECT o.ep, o.orgs, o.orgs_engaged, coalesce(w.org_days, o.org_days) AS org_days, coalesce(p.ports_in, 0) AS ports_in,
         e.flows, e.flows_in, e.common_flows, e.engaged, e.bytes_up, e.first_seen, e.last_seen, o.ep IN (SELECT ep FROM ioc) AS is_ioc
  FROM per_ep_orgs o JOIN per_ep e ON e.ep = o.ep LEFT JOIN ports p ON p.ep = o.ep LEFT JOIN wide_org_days w ON w.ep = o.ep
),
flagged AS (
  SELECT *, org_days > $limitOrgDays AS over_correlating, flows_in >= 0.95 * flows AND orgs_engaged = 0 AND ports_in >= 3 AS scanner_like
  FROM stats
),
components AS (
  SELECT *,
    round(CASE WHEN orgs < 2 OR over_correlating THEN 0 ELSE least(1, log2(orgs) / log2($breadthFullOrgs)) END * 1000) / 1000 AS c_breadth,
    round(greatest(0, least(1, 1 - (CASE WHEN $cells > 0 THEN least(1, org_days / $cells) ELSE 0 END) / $prevalenceCeiling)) * 1000) / 1000 AS c_rarity,
    round(least(1, orgs_engaged / $engagedFullOrgs) * 1000) / 1000 AS c_engagement,
    CASE WHEN flows_in > 0 AND flows_in < flows THEN 1 ELSE $oneWay END AS c_direction,
    greatest(0, least(1, (first_seen - $windowStart) / $recencyGraceSeconds)) AS newness,
    round((1 - common_flows / flows) * 1000) / 1000 AS c_ports,
    CASE WHEN is_ioc AND NOT over_correlating AND NOT scanner_like THEN $iocDirect ELSE 0 END AS c_ioc,
    CASE WHEN scanner_like THEN $scannerDamping ELSE 1 END AS c_damping
  FROM flagged
),
scores AS (
  -- the score with follow-ups from 0, 1 and 2+ orgs (the follow component's clamp01(follow_orgs / 2) is 0, ½ or 1)
  SELECT ep, max(s) FILTER (WHERE level = 0) AS s0, max(s) FILTER (WHERE level = 1) AS s1, max(s) FILTER (WHERE level = 2) AS s2
  FROM (
    SELECT ep, level,
      round((1 - (1 - c_breadth * least(1, $wEngagement * c_engagement + $wDirection * c_direction + $wRecency * round(newness * 1000) / 1000
                                           + $wPorts * c_ports + $followSupport * (round(level / 2 * newness * 1000) / 1000))
                          * c_rarity * c_damping) * (1 - c_ioc)) * 1000) / 1000 AS s
    FROM (SELECT *, unnest([0, 1, 2]) AS level FROM components)
  )
  GROUP BY ep
),
follow_candidates AS (
  -- follow-ups can only lift an endpoint to s2: below the cut even so, they need not be counted
  SELECT ep FROM scores
  WHERE s2 >= greatest($minScore, (SELECT min(s0) FROM (SELECT s0 FROM scores ORDER BY s0 DESC LIMIT $maxFindings))) - $rankSlack
  UNION ALL
  SELECT unnest($alwaysEps::BIGINT[])
),
touched AS (
  SELECT ep AS seed, org, host, min(ts) AS t_ioc
  FROM f
  WHERE ep IN (SELECT ep FROM flagged WHERE is_ioc AND NOT over_correlating AND NOT scanner_like)
  GROUP BY ep, org, host
),
hosts AS (
  -- touching hosts numbered; flows after a host's last touch plus $followSeconds cannot start its follow-ups
  SELECT org, host, row_number() OVER () AS hid, min(t_ioc) AS t_from, max(t_ioc) + $followSeconds AS t_until
  FROM touched
  GROUP BY org, host
),
firsts AS (
  SELECT f.ep, h.hid, min(f.ts) AS t_first
  FROM f JOIN hosts h ON f.org = h.org AND f.host = h.host
  WHERE f.ts <= h.t_until AND f.ep NOT IN (SELECT ep FROM ioc) AND f.ep IN (SELECT ep FROM follow_candidates)
  GROUP BY f.ep, h.hid
  HAVING min(f.ts) >= any_value(h.t_from)
),
follow AS (
  SELECT ep, max(follow_hosts) AS follow_hosts, max(follow_orgs) AS follow_orgs
  FROM (
    SELECT firsts.ep, t.seed, count(*) AS follow_hosts, count(DISTINCT t.org) AS follow_orgs
    FROM firsts JOIN (SELECT touched.*, hosts.hid FROM touched JOIN hosts ON hosts.org = touched.org AND hosts.host = touched.host) t
      ON firsts.hid = t.hid
    WHERE t_first >= t_ioc AND t_first - t_ioc <= $followSeconds
    GROUP BY firsts.ep, t.seed
  )
  GROUP BY ep
),
ranked AS (
  SELECT c.*, coalesce(fo.follow_hosts, 0) AS follow_hosts, coalesce(fo.follow_orgs, 0) AS follow_orgs,
         CASE least(coalesce(fo.follow_orgs, 0), 2) WHEN 0 THEN s.s0 WHEN 1 THEN s.s1 ELSE s.s2 END AS rank_score
  FROM flagged c JOIN scores s ON s.ep = c.ep LEFT JOIN follow fo ON fo.ep = c.ep
)
SELECT ep, orgs, orgs_engaged, org_days, ports_in, flows, flows_in, common_flows, engaged, bytes_up, first_seen, last_seen,
       is_ioc, follow_hosts, follow_orgs, rank_score
FROM ranked
WHERE rank_score >= greatest($minScore, (SELECT min(rank_score) FROM (SELECT rank_score FROM ranked ORDER BY rank_score DESC LIMIT $maxFindings))) - $rankSlack
   OR ep IN (SELECT unnest($alwaysEps::BIGINT[]))
