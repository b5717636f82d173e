-- Who may read a survey's answers, and which forum's members may read and change its designs, is
-- decided once, when the survey is first served, and kept here. Reloading a file, loading one from
-- the co-design page or publishing a design with another audience can tighten it (a survey that
-- ever was for young people stays so) but never loosen it, and cannot move it to another forum:
-- only an administrator changes either, with a reason, and the change is audited.
CREATE TABLE survey_access (
    survey_id TEXT PRIMARY KEY,
    audience  TEXT        NOT NULL CHECK (audience IN ('parents-carers', 'young-people', 'professionals')),
    forum     TEXT CHECK (forum IN ('parent-carer-forum', 'youth-forum')),
    set_by    TEXT        NOT NULL CHECK (length(set_by) <= 254),
    reason    TEXT CHECK (length(reason) <= 2000),
    set_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Surveys served before this rule: the strictest audience any stored version ever had.
INSERT INTO survey_access (survey_id, audience, forum, set_by, reason)
SELECT survey_id,
       CASE WHEN bool_or(definition ->> 'audience' = 'young-people') THEN 'young-people'
            ELSE (array_agg(definition ->> 'audience' ORDER BY version))[1] END,
       (array_agg(definition ->> 'forum' ORDER BY version))[1],
       'the service',
       'the strictest audience of any version stored before who reads answers was kept apart'
FROM survey_versions
GROUP BY survey_id;
