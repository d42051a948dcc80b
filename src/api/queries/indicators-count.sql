-- GET /api/indicators: how many indicators match the filters. Partners pass only the TLPs they may see.
SELECT count(*) AS n FROM indicators
WHERE tlp IN (SELECT unnest($tlps::VARCHAR[])) AND ($type = '' OR type = $type) AND ($q = '' OR lower(value) LIKE $q)
