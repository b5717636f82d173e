-- Complete responses. Exactly one row per respondent: a web submission is keyed by its draft,
-- an API submission by the client's submission_id; both keys are unique so a retried or
-- double-clicked submit can never store a second row.
CREATE TABLE responses (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference          TEXT        NOT NULL UNIQUE,
    survey_id          TEXT        NOT NULL,
    survey_version_id  BIGINT      NOT NULL REFERENCES survey_versions (id),
    channel            TEXT        NOT NULL CHECK (channel IN ('web', 'api')),
    draft_id           BIGINT      UNIQUE REFERENCES drafts (id),
    submission_id      UUID        UNIQUE,
    answers            JSONB       NOT NULL,
    submitted_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (draft_id IS NOT NULL OR submission_id IS NOT NULL)
);

CREATE INDEX responses_survey ON responses (survey_id);

ALTER TABLE drafts ADD CONSTRAINT drafts_response_fk FOREIGN KEY (response_id) REFERENCES responses (id);
