-- "You said, we did": what was done about what families raised (actions), the figures that show
-- whether it worked (measures), and the reports that pair them, published as fixed versions.

CREATE TABLE actions (
    id          bigserial PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    details     text CHECK (length(details) <= 5000),
    service     text CHECK (length(service) <= 200),
    owner       text CHECK (length(owner) <= 200),
    due_on      date,
    status      text NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'not-possible')),
    reason      text CHECK (length(reason) <= 2000),
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'not-possible' OR reason IS NOT NULL)
);

-- What an action answers: themes, feedback items and Young Inspectors' recommendations. Erasing
-- an item or a recommendation takes its link with it; the action stays.
CREATE TABLE action_themes (
    action_id  bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    theme_id   text NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, theme_id)
);
CREATE INDEX action_themes_by_theme ON action_themes (theme_id);

CREATE TABLE action_feedback (
    action_id  bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    item_id    bigint NOT NULL REFERENCES feedback_items (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, item_id)
);

CREATE TABLE action_recommendations (
    action_id          bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    recommendation_id  bigint NOT NULL REFERENCES inspection_recommendations (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, recommendation_id)
);

-- A measure is a survey question (its headline figure per wave, from the results) or a
-- performance indicator whose value per period a lead enters by hand.
CREATE TABLE measures (
    id                bigserial PRIMARY KEY,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind              text NOT NULL CHECK (kind IN ('question', 'indicator')),
    survey_id         text CHECK (length(survey_id) <= 100),
    question_key      text CHECK (length(question_key) <= 100),
    unit              text CHECK (length(unit) <= 40),
    higher_is_better  boolean NOT NULL,
    target            numeric,
    updated_by        text NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'question') = (survey_id IS NOT NULL AND question_key IS NOT NULL))
);

CREATE TABLE measure_values (
    measure_id  bigint NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    period      text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
    period_end  date NOT NULL,
    value       numeric NOT NULL,
    PRIMARY KEY (measure_id, period)
);

CREATE TABLE action_measures (
    action_id   bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    measure_id  bigint NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, measure_id)
);

-- A report being built: its period and sources ("feedback", or "survey:<id>"), a lead's words for
-- each theme and the quotes chosen. Drafts change; what is published is a fixed version below.
CREATE TABLE reports (
    id           bigserial PRIMARY KEY,
    slug         text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    period_from  date NOT NULL,
    period_to    date NOT NULL,
    sources      text[] NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (period_from <= period_to)
);

CREATE TABLE report_themes (
    report_id  bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    theme_id   text NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    you_said   text NOT NULL CHECK (length(you_said) <= 3000),
    PRIMARY KEY (report_id, theme_id)
);

-- A quote as a named lead approved it, with what was redacted. Its comment's row is named, so
-- erasing the response or item erases the draft quote too.
CREATE TABLE report_quotes (
    id           bigserial PRIMARY KEY,
    report_id    bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    theme_id     text NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    text_id      text NOT NULL CHECK (length(text_id) <= 200),
    response_id  bigint REFERENCES responses (id) ON DELETE CASCADE,
    item_id      bigint REFERENCES feedback_items (id) ON DELETE CASCADE,
    quote        text NOT NULL CHECK (length(quote) BETWEEN 1 AND 2000),
    attribution  text CHECK (length(attribution) <= 200),
    approved_by  text NOT NULL,
    approved_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (report_id, text_id),
    CHECK ((response_id IS NULL) <> (item_id IS NULL))
);

-- Each publication is a fixed copy of everything the public sees; a correction is a new version
-- and the older ones stay readable, marked as superseded.
CREATE TABLE report_versions (
    report_id     bigint NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    version       integer NOT NULL CHECK (version >= 1),
    content       jsonb NOT NULL,
    correction    text CHECK (length(correction) <= 1000),
    published_by  text NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, version)
);

-- The area's schools, organisations, places and names that quotes are checked for, on top of
-- the shipped lists. Leads add to it.
CREATE TABLE gazetteer (
    id        bigserial PRIMARY KEY,
    kind      text NOT NULL CHECK (kind IN ('school', 'organisation', 'place', 'name')),
    name      text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    added_by  text NOT NULL,
    added_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX gazetteer_once ON gazetteer (kind, lower(name));
