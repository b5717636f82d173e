-- Who may read a survey's answers is decided once, when the survey is first served, and kept
-- here. Reloading a file, loading one from the co-design page or publishing a design with another
-- audience can tighten it (a survey that ever was for young people stays so) but never loosen it:
-- only an administrator changes it, with a reason, and the change is audited.
CREATE TABLE survey_access (
    survey_id TEXT PRIMARY KEY,
    audience  TEXT        NOT NULL CHECK (audience IN ('parents-carers', 'young-people', 'professionals')),
    set_by    TEXT        NOT NULL CHECK (length(set_by) <= 254),
    reason    TEXT CHECK (length(reason) <= 2000),
    set_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Surveys served before this rule: the strictest audience any stored version ever had.
INSERT INTO survey_access (survey_id, audience, set_by, reason)
SELECT survey_id,
       CASE WHEN bool_or(definition ->> 'audience' = 'young-people') THEN 'young-people'
            ELSE (array_agg(definition ->> 'audience' ORDER BY version))[1] END,
       'the service',
       'the strictest audience of any version stored before who reads answers was kept apart'
FROM survey_versions
GROUP BY survey_id;
