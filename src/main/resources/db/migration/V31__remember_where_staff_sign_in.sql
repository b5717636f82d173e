-- Where each account has signed in successfully: digests of (email, client address) and of
-- (email, device cookie). Attempts from a known place skip the per-email limit, so a stranger
-- sending wrong passwords for someone's email from elsewhere cannot keep them out; they still
-- count against their own address. Forgotten 90 days after the last success there.
CREATE TABLE sign_in_known (
    key_hash     TEXT PRIMARY KEY,
    last_success TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_known_by_age ON sign_in_known (last_success);
