-- Audit rows can never be deleted, so nothing may make them large. AuditLog cuts every field to
-- these lengths; the check is the last line of defence. NOT VALID: rows written before the limit
-- stay as they are (they cannot be changed anyway).
ALTER TABLE audit_log ADD CONSTRAINT audit_log_bounded CHECK (
    char_length(actor) <= 254 AND char_length(action) <= 64
    AND char_length(subject) <= 200 AND char_length(detail) <= 1000) NOT VALID;
