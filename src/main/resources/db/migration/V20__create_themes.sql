-- The theme framework: each theme a name, a plain description, and the query (in the simple
-- syntax documented on the theme page) that decides which comments it covers. Seeded at start-up.
CREATE TABLE themes (
    id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 60),
    name         text NOT NULL CHECK (length(name) <= 100),
    description  text NOT NULL CHECK (length(description) <= 1000),
    definition   text NOT NULL CHECK (length(definition) <= 4000),
    position     integer NOT NULL,
    updated_by   text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A lead's decision about one comment and one theme: confirmed (true), rejected (false) or taken
-- back (null). A decision always wins over the theme's query, and is kept when themes are edited
-- or the index is rebuilt. text_id names the comment: "r:<response id>:<question key>" or
-- "f:<feedback item id>"; the comment's own row is named too, so erasing it erases the decision.
CREATE TABLE theme_decisions (
    id           bigserial PRIMARY KEY,
    text_id      text NOT NULL CHECK (length(text_id) <= 200),
    theme_id     text NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    confirmed    boolean,
    response_id  bigint REFERENCES responses (id) ON DELETE CASCADE,
    item_id      bigint REFERENCES feedback_items (id) ON DELETE CASCADE,
    decided_by   text NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (text_id, theme_id),
    CHECK ((response_id IS NULL) <> (item_id IS NULL))
);

-- Which database this is, so a search index built from another database (a test's, a restored
-- copy's) is recognised and rebuilt rather than trusted.
CREATE TABLE installation (
    id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    one boolean NOT NULL DEFAULT true UNIQUE CHECK (one)
);
INSERT INTO installation DEFAULT VALUES;
