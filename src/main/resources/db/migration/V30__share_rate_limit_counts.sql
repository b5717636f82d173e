-- Rate-limit counts shared by every instance: each instance writes how many requests it counted in
-- a one-minute window (keyed by a digest of the kind, the client address or email and the minute,
-- so no address is kept), about once a second, and reads the others' counts back. Rows older than a
-- few minutes are deleted.
CREATE UNLOGGED TABLE rate_windows (
    window_key  TEXT    NOT NULL,
    instance_id TEXT    NOT NULL,
    minute      BIGINT  NOT NULL,
    hits        INTEGER NOT NULL,
    PRIMARY KEY (window_key, instance_id)
);
CREATE INDEX rate_windows_by_minute ON rate_windows (minute);
