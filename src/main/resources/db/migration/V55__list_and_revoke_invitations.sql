-- Invitations are listed for administrators, who may withdraw one or send a fresh link: each needs
-- a name other than its secret's hash, and a withdrawn one must stop working.
ALTER TABLE invitations ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE;
ALTER TABLE invitations ADD COLUMN revoked_at TIMESTAMPTZ;

-- The page after "Create invitation link" is reached by redirect (so a refresh makes nothing new)
-- and must still show the link once made. Only its hash is kept in invitations; the link itself
-- waits here for the administrator who made it, for a quarter of an hour at most, and is deleted
-- when it expires. A lost link is replaced by a new one, never recovered.
CREATE TABLE invitation_links (
    invitation_id BIGINT      PRIMARY KEY REFERENCES invitations (id) ON DELETE CASCADE,
    shown_to      BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token         TEXT        NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
