-- A cheap summary of what the API's cached views are computed from. When it moves (evidence ingested, rolled
-- back or re-ingested, indicators or identities loaded, a notification changed) the caches are dropped.
SELECT (SELECT count(*) FROM evidence) AS evidence, (SELECT max(received_at) FROM evidence) AS received_at,
       (SELECT count(*) FROM indicators) AS indicators, (SELECT count(*) FROM identities) AS identities,
       (SELECT count(*) FROM notifications) AS notifications, (SELECT max(updated_at) FROM notifications) AS notified_at
