-- A wave's results as counts (overall, by group, by quarter), kept when its raw answers are
-- deleted at the end of their retention period, so later waves can still be compared with it.
CREATE TABLE result_snapshots (
    survey_id  text PRIMARY KEY,
    wave       integer NOT NULL,
    responses  bigint NOT NULL,
    summary    jsonb NOT NULL,
    taken_at   timestamptz NOT NULL DEFAULT now()
);

-- How many children or young people the area has in each group (for example with an EHCP),
-- entered by a lead: response rates, margins of error, representation and weighting use them.
CREATE TABLE population_sizes (
    survey_id   text NOT NULL,
    about_key   text NOT NULL,
    group_code  text NOT NULL,
    population  integer NOT NULL CHECK (population >= 0),
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, about_key, group_code)
);

-- A survey whose results a lead has published: forum members and viewers then see its
-- suppressed figures, and the public too when on_public_page.
CREATE TABLE result_publications (
    survey_id       text PRIMARY KEY,
    published_by    text NOT NULL,
    published_at    timestamptz NOT NULL DEFAULT now(),
    on_public_page  boolean NOT NULL DEFAULT false,
    round_to_five   boolean NOT NULL DEFAULT false
);
