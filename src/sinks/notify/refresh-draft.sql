-- A draft's package and TLP are refreshed when `hoptrace notify` runs again.
UPDATE notifications SET tlp = $tlp, package_path = $path, updated_at = $now WHERE id = $id AND status = 'draft'
