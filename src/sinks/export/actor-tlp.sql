-- TLP of the intel objects behind the attributed actors (by resolved actor id).
SELECT DISTINCT actor AS id, tlp FROM intel_objects
WHERE type IN ('intrusion-set', 'threat-actor') AND actor IN (SELECT unnest($ids::VARCHAR[]))
