-- A lead's decision that a question asked differently in two waves (reworded, other answers or
-- another scale) may still be compared, with the reason given. Without a row here such a pair
-- is shown side by side with no verdict. Every decision and its withdrawal is also in audit_log.
CREATE TABLE comparable_questions (
    survey_id     text NOT NULL,
    baseline_id   text NOT NULL,
    question_key  text NOT NULL,
    reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    marked_by     text NOT NULL,
    marked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, baseline_id, question_key)
);
