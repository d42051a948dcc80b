-- Headline counts of the case.
SELECT (SELECT count(*) FROM orgs) AS orgs, (SELECT count(*) FROM flows) AS flows, (SELECT count(*) FROM evidence) AS evidence,
       (SELECT count(*) FROM indicators) AS indicators, (SELECT count(*) FROM accounts) AS accounts,
       (SELECT count(*) FROM leases) AS leases, (SELECT count(*) FROM identities) AS identities,
       (SELECT count(*) FROM findings) AS findings
