-- Organisations of the case: id, name and sector only (contacts stay out of exports).
SELECT DISTINCT id, name, sector FROM orgs ORDER BY id
