-- A walk through a survey's preview in the builder: the made-up answers a forum member typed to
-- try the branching. Kept here rather than in one instance's memory so that any instance serves
-- the next page; never a response, never counted, and forgotten two hours after the last page.
CREATE TABLE preview_walks (
    id             text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{24}$'),
    answers        jsonb       NOT NULL,
    furthest_page  integer     NOT NULL,
    touched_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX preview_walks_by_age ON preview_walks (touched_at);
