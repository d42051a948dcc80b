-- Re-running the analyzer replaces its clusters.
DELETE FROM identities
