-- Writes the resolved canonical actor id onto every member object.
UPDATE intel_objects SET actor = $actor WHERE id IN (SELECT unnest(CAST($ids AS VARCHAR[])))
