-- What changed, in the order it committed: written in the same transaction as the change, so
-- copies kept elsewhere (the search index, stored aggregates) can catch up from the last id they
-- applied. Only what changed is named, never the content, so an erased answer leaves no trace here.
CREATE TABLE change_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT        NOT NULL,
    survey_id   TEXT,
    subject_id  BIGINT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- How far each copy kept in PostgreSQL has applied the log, moved in the same transaction as the
-- copy itself. (The search index keeps its position in its own commit data instead.)
CREATE TABLE change_cursors (
    consumer    TEXT   PRIMARY KEY,
    last_id     BIGINT NOT NULL
);
