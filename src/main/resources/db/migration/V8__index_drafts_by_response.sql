-- Erasing or expiring responses deletes their drafts by response id; without this index each
-- delete scanned every draft (30,000 responses took 34.5 s to delete, 0.5 s with it).
CREATE INDEX drafts_response ON drafts (response_id);
