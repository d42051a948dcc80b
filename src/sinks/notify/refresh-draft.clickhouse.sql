-- A draft's package and TLP are refreshed (the tail of ALTER TABLE notifications_local, see Store.mutate).
UPDATE tlp = $tlp, package_path = $path, updated_at = $now WHERE id = $id AND status = 'draft'
