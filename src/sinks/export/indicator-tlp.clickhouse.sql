-- TLP under which the indicators table holds values the export is about to share (the strictest wins).
SELECT DISTINCT type, value, tlp FROM indicators WHERE has($values, value)
