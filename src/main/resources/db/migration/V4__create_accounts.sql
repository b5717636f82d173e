-- Staff and forum members who sign in. Respondents never have accounts.
CREATE TABLE accounts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email            TEXT        NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name     TEXT        NOT NULL,
    role             TEXT        NOT NULL CHECK (role IN ('admin', 'lead', 'parent-forum', 'youth-forum',
                                                         'service-contact', 'viewer')),
    -- Argon2id, in the PHC string format; never the password itself.
    password_hash    TEXT        NOT NULL,
    failed_sign_ins  INTEGER     NOT NULL DEFAULT 0,
    locked_until     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Signed-in sessions (browser cookies) and API bearer tokens. Only a SHA-256 of each token is
-- kept, so a copy of this table signs nobody in. Kept in PostgreSQL so any instance can serve.
CREATE TABLE staff_sessions (
    token_hash   TEXT        PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL CHECK (kind IN ('browser', 'api')),
    csrf_token   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);

-- One-time invitation links; the token is stored hashed, as for sessions.
CREATE TABLE invitations (
    token_hash   TEXT        PRIMARY KEY,
    email        TEXT        NOT NULL CHECK (email = lower(email)),
    role         TEXT        NOT NULL,
    invited_by   BIGINT      NOT NULL REFERENCES accounts (id),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);

-- The co-production leads assigned to a survey. Raw answers to a young people's survey are shown
-- only to leads assigned to it.
CREATE TABLE survey_leads (
    survey_id    TEXT   NOT NULL,
    account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (survey_id, account_id)
);
