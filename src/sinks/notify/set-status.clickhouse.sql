-- One workflow step, only from the status it was checked against (the tail of ALTER TABLE notifications_local).
UPDATE status = $to, history = $history, updated_at = $now WHERE id = $id AND status = $from
