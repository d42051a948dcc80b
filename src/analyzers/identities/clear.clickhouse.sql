-- Re-running the analyzer replaces its clusters (the tail of ALTER TABLE identities_local, see Store.mutate).
DELETE WHERE 1
