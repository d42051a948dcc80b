-- GET /api/indicators: one page of them, newest first (as indicators-page.sql). Partners pass only the TLPs they may see.
SELECT id, type, value, source, tlp, confidence, valid_from, valid_until, intrusion_set, labels, first_seen, last_seen
FROM indicators
WHERE has($tlps, tlp) AND ($type = '' OR type = $type) AND ($q = '' OR lower(value) LIKE $q)
ORDER BY coalesce(last_seen, valid_from) DESC NULLS LAST, id LIMIT $limit OFFSET $offset
