-- An administrator can deactivate an account (someone leaves) without deleting the record that
-- the audit log names.
ALTER TABLE accounts ADD COLUMN deactivated_at TIMESTAMPTZ;
