-- One workflow step: only from the status the step was checked against.
UPDATE notifications SET status = $to, history = $history, updated_at = $now WHERE id = $id AND status = $from
