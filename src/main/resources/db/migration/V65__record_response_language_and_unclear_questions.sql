-- The language a response was answered in (closed answers are codes, so every language pools;
-- this only lets results be split by it). Earlier responses were all in English.
ALTER TABLE responses ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2,3}$');

-- "I don't understand this question", per sent response, question and reading level, so leads can
-- see which wording failed at which level. Goes with its response when that is erased.
CREATE TABLE unclear_questions (
    response_id   BIGINT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    survey_id     TEXT   NOT NULL,
    question_key  TEXT   NOT NULL,
    reading_level TEXT   NOT NULL CHECK (reading_level IN ('standard', 'easy', 'symbols')),
    PRIMARY KEY (response_id, question_key)
);

CREATE INDEX unclear_questions_survey ON unclear_questions (survey_id);
