-- The audit log stays append-only for anything the service does, but it is no longer kept for
-- ever: entries older than the retention period (CHORUS_AUDIT_MONTHS, never less than 12 months)
-- are deleted by the retention job. The trigger allows a DELETE only when the job has said so in
-- its own transaction and only of rows older than the period it names, never under 365 days, so
-- no code path can remove a recent entry. UPDATE and TRUNCATE are refused as before.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('chorus.audit_purge', true) = 'on'
       AND OLD.at < now() - make_interval(days => greatest(365,
               coalesce(nullif(current_setting('chorus.audit_keep_days', true), '')::int, 0))) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only';
END;
$$ LANGUAGE plpgsql;
