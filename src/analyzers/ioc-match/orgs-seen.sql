-- Orgs that have any flow, DNS or TLS record in the case (the denominator of an indicator's prevalence).
SELECT count(DISTINCT org) AS n
FROM (SELECT DISTINCT org FROM flows UNION SELECT DISTINCT org FROM dns UNION SELECT DISTINCT org FROM tls)
WHERE org IS NOT NULL
