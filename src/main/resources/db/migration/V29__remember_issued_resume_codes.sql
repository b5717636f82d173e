-- Resume codes the service has handed out from "Start now" and that no draft uses yet. Page 1 is
-- served, and a draft made, only under a code issued here: a well-formed code that was never
-- issued (one somebody made up and handed out as a link) starts nothing. Kept as SHA-256 digests;
-- forgotten a week after issue.
CREATE TABLE issued_codes (
    code_digest BYTEA PRIMARY KEY,
    survey_id   TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX issued_codes_by_age ON issued_codes (issued_at);
