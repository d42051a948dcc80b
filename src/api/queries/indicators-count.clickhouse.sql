-- GET /api/indicators: how many indicators match the filters (as indicators-count.sql). Partners pass only the TLPs they may see.
SELECT count(*) AS n FROM indicators
WHERE has($tlps, tlp) AND ($type = '' OR type = $type) AND ($q = '' OR lower(value) LIKE $q)
