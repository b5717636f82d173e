-- One-time links to choose a new password: asked for from the sign-in page (sent by email), or
-- made by an administrator for someone who cannot get email. Only the token's hash is kept; a
-- link works once, and choosing a password with one ends every other link for that account.
CREATE TABLE password_resets (
    token_hash  text        PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    made_by     text        NOT NULL CHECK (length(made_by) <= 320),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_by_account ON password_resets (account_id);
