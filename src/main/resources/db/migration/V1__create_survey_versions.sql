-- Every distinct wording of a survey definition that has ever been live. Answers point at the
-- exact version they answered, so a later edit can never change what a family was asked.
CREATE TABLE survey_versions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id     TEXT        NOT NULL,
    version       INTEGER     NOT NULL,
    content_hash  TEXT        NOT NULL,
    definition    JSONB       NOT NULL,
    loaded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (survey_id, version)
);
