-- Reports and groupings with their raw JSON (object_refs are read in TS: the same on every engine).
SELECT id, raw FROM intel_objects WHERE type IN ('report', 'grouping')
