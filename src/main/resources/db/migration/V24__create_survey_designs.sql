-- Co-design: a survey as a forum drafts, discusses and agrees it before it goes live. Each design
-- version is a whole definition and is kept for ever, so any two can be compared; only the newest
-- version of a survey is edited, and once live its questions are frozen (an edit starts a new one).
CREATE TABLE design_versions (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id            TEXT        NOT NULL,
    version              INTEGER     NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('draft', 'in-review', 'agreed', 'live', 'closed')),
    -- May be unfinished while a draft: it is checked with the survey file's checks before it goes live.
    definition           JSONB       NOT NULL,
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The served version (survey_versions) this design became when it went live.
    published_version_id BIGINT REFERENCES survey_versions (id),
    UNIQUE (survey_id, version)
);

-- Every move through draft -> in review -> agreed -> live -> closed, with who and, when a lead
-- published before every question was agreed, why.
CREATE TABLE design_status_changes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    design_id   BIGINT      NOT NULL REFERENCES design_versions (id),
    from_status TEXT        NOT NULL,
    to_status   TEXT        NOT NULL,
    changed_by  TEXT        NOT NULL,
    reason      TEXT CHECK (length(reason) <= 2000),
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX design_status_changes_by_design ON design_status_changes (design_id, id);

-- A member's comment on one question, optionally proposing new words; wording_then keeps the words
-- it was written about, so the before/after difference stays true after later edits.
CREATE TABLE design_comments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    design_id    BIGINT      NOT NULL REFERENCES design_versions (id),
    question_key TEXT        NOT NULL,
    author       TEXT        NOT NULL,
    body         TEXT        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    wording_then TEXT        NOT NULL,
    proposed     TEXT CHECK (length(proposed) <= 2000),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_by  TEXT,
    resolved_at  TIMESTAMPTZ,
    resolution   TEXT CHECK (resolution IN ('used', 'done'))
);
CREATE INDEX design_comments_by_question ON design_comments (design_id, question_key, id);

-- Agree / not yet, one mark per person per question. The mark holds a hash of the wording it was
-- given on: change the words and the agreement no longer counts until it is given again.
CREATE TABLE design_agreements (
    design_id    BIGINT      NOT NULL REFERENCES design_versions (id),
    question_key TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL,
    person       TEXT        NOT NULL,
    agrees       BOOLEAN     NOT NULL,
    wording_hash TEXT        NOT NULL,
    marked_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (design_id, question_key, account_id)
);
