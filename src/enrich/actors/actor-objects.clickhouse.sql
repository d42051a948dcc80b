-- Intrusion sets and threat actors in the case, one row per object id; aliases and ATT&CK ids unioned and
-- sorted, returned as JSON arrays (as actor-objects.sql). 18.16 has no JSON array functions: the string
-- elements are cut out with extractAll still JSON-escaped and written back unchanged between quotes.
SELECT id, min(obj_type) AS type, min(obj_name) AS name,
       concat('[', arrayStringConcat(arrayMap(x -> concat('"', x, '"'), arraySort(groupUniqArrayArray(alias_items))), ','), ']') AS aliases,
       concat('[', arrayStringConcat(arrayMap(x -> concat('"', x, '"'), arraySort(groupUniqArrayArray(ext_items))), ','), ']') AS external_ids
FROM (
  SELECT id, type AS obj_type, name AS obj_name,
         extractAll(coalesce(aliases, '[]'), '"((?:[^"\\\\]|\\\\.)*)"') AS alias_items,
         extractAll(coalesce(external_ids, '[]'), '"((?:[^"\\\\]|\\\\.)*)"') AS ext_items
  FROM intel_objects
  WHERE type IN ('intrusion-set', 'threat-actor')
)
GROUP BY id
ORDER BY id
