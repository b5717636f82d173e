-- Each response's answers also as numbers (AnswerVocabulary of its version): the choice answers
-- given, and number/month answers as (entry, value) pairs. Results count these without parsing
-- JSON, which keeps every table and breakdown of 100,000 responses under a second. Written in the
-- same statement as the answers; rows stored before this column existed are filled in at start-up.
ALTER TABLE responses ADD COLUMN codes INTEGER[], ADD COLUMN numbers INTEGER[];
CREATE INDEX responses_uncoded ON responses (id) WHERE codes IS NULL;
