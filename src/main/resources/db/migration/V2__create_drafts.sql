-- A respondent's answers while they move through the pages. Saved on every "Continue", so a
-- dropped connection never loses more than the page being typed. Drafts that are never
-- submitted are kept and reported as partial responses.
-- Deliberately no IP address, user agent or cookie identifier.
CREATE TABLE drafts (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resume_code        TEXT        NOT NULL UNIQUE,
    survey_id          TEXT        NOT NULL,
    survey_version_id  BIGINT      NOT NULL REFERENCES survey_versions (id),
    answers            JSONB       NOT NULL DEFAULT '{}'::jsonb,
    -- The furthest page continued past (1-based), so a resumed draft reopens where it was left.
    furthest_page      INTEGER     NOT NULL DEFAULT 0,
    started_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    response_id        BIGINT,
    submitted_at       TIMESTAMPTZ
);

CREATE INDEX drafts_survey_partial ON drafts (survey_id) WHERE response_id IS NULL;
