-- Cached results ask "has anything changed for this survey since?" on every view.
CREATE INDEX change_log_survey ON change_log (survey_id, id);
