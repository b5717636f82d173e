-- The measures a lead chose for a survey's headline page (one row per question key). With no row
-- for a survey, the page shows every compared question, as it did before leads could choose.
-- Every choice is also in audit_log.
CREATE TABLE headline_measures (
    survey_id     text NOT NULL,
    question_key  text NOT NULL,
    chosen_by     text NOT NULL,
    chosen_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, question_key)
);
