-- Email waiting to be sent, being retried, sent or refused. A background sender on any instance
-- takes due rows (FOR UPDATE SKIP LOCKED), so two instances never send the same message twice.
CREATE TABLE mail_outbox (
    id               bigserial PRIMARY KEY,
    to_address       text NOT NULL CHECK (length(to_address) <= 254),
    subject          text NOT NULL CHECK (length(subject) <= 300),
    body             text NOT NULL,
    about            text NOT NULL CHECK (length(about) <= 100),
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'bounced')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text CHECK (length(last_error) <= 1000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX mail_outbox_about ON mail_outbox (about);

-- The key signing links are made from: a link is an organisation's public id and an HMAC of it,
-- so links can be sent again in reminders without keeping them anywhere.
CREATE TABLE pledge_keys (
    id   integer PRIMARY KEY CHECK (id = 1),
    key  bytea NOT NULL
);

CREATE TABLE pledge_campaigns (
    id           bigserial PRIMARY KEY,
    slug         text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    pledge       text NOT NULL CHECK (length(pledge) BETWEEN 1 AND 5000),
    target       numeric NOT NULL CHECK (target > 0 AND target <= 1),
    launch_on    date NOT NULL,
    review_on    date NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (launch_on <= review_on)
);

CREATE TABLE pledge_commitments (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint NOT NULL REFERENCES pledge_campaigns (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    UNIQUE (campaign_id, position)
);

-- The circulation list, and organisations that asked to join (pending until a lead approves).
CREATE TABLE pledge_organisations (
    id             bigserial PRIMARY KEY,
    campaign_id    bigint NOT NULL REFERENCES pledge_campaigns (id) ON DELETE CASCADE,
    link_id        uuid NOT NULL UNIQUE,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    sector         text NOT NULL CHECK (sector IN ('early-years', 'school', 'college', 'health', 'social-care',
                                                   'voluntary', 'other')),
    contact_name   text CHECK (length(contact_name) <= 200),
    contact_email  text CHECK (length(contact_email) <= 254),
    circulated     boolean NOT NULL,
    moderation     text NOT NULL DEFAULT 'none' CHECK (moderation IN ('none', 'pending', 'approved', 'rejected')),
    opened_at      timestamptz,
    added_by       text NOT NULL,
    added_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pledge_organisations_one_email ON pledge_organisations (campaign_id, lower(contact_email))
    WHERE contact_email IS NOT NULL AND moderation <> 'rejected';
CREATE UNIQUE INDEX pledge_organisations_one_name ON pledge_organisations (campaign_id, lower(name))
    WHERE moderation <> 'rejected';

-- One signature per organisation however often or wherever it signs; withdrawing keeps the row.
CREATE TABLE pledge_signatures (
    organisation_id  bigint PRIMARY KEY REFERENCES pledge_organisations (id) ON DELETE CASCADE,
    signer_name      text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
    signer_role      text NOT NULL CHECK (length(signer_role) BETWEEN 1 AND 200),
    commitments      bigint[] NOT NULL,
    own_commitment   text CHECK (length(own_commitment) <= 1000),
    listed           boolean NOT NULL,
    signed_at        timestamptz NOT NULL DEFAULT now(),
    withdrawn_at     timestamptz
);

-- One year on: what a signer did for each commitment.
CREATE TABLE pledge_reviews (
    id               bigserial PRIMARY KEY,
    organisation_id  bigint NOT NULL REFERENCES pledge_organisations (id) ON DELETE CASCADE,
    commitment_id    bigint REFERENCES pledge_commitments (id) ON DELETE CASCADE,
    evidence         text NOT NULL CHECK (length(evidence) BETWEEN 1 AND 3000),
    link             text CHECK (length(link) <= 500),
    submitted_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, commitment_id)
);
