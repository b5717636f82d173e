-- Wrong passwords are counted per email address *and* client address (hashed together, so no
-- address is kept), and unknown emails are counted the same way: a stranger cannot lock a lead
-- out from the lead's own address, and the answers never reveal whether an account exists.
CREATE TABLE sign_in_failures (
    key_hash      TEXT        PRIMARY KEY,
    failures      INTEGER     NOT NULL,
    locked_until  TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE accounts DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;
