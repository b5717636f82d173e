-- Staff sessions end after a spell of no use as well as at their absolute expiry.
ALTER TABLE staff_sessions ADD COLUMN last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now();
