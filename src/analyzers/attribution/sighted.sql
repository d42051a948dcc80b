-- Observed evidence: victim SOC sightings of intel objects (malware, tools, techniques, indicators).
-- Ordered, so that evidence ties list alike on every engine.
SELECT s.sighting_of_ref AS ref, o.type, o.name, o.external_ids, s.org, s.first_seen, s.last_seen, s.count, s.source,
       coalesce(s.tlp, o.tlp) AS tlp, s.evidence_id
FROM sightings s
JOIN (SELECT DISTINCT id, type, name, external_ids, tlp FROM intel_objects) o ON o.id = s.sighting_of_ref
ORDER BY ref, org NULLS LAST, first_seen NULLS LAST, evidence_id, source
