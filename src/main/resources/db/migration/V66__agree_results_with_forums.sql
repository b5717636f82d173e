-- A wave's results sent to the forum they concern to agree before publishing (CHORUS_RESULTS_SIGN_OFF):
-- the exact figures as decided and audited then, and their digest. The forum agrees or asks for
-- changes on that digest; publishing after agreement publishes exactly these figures.
CREATE TABLE result_reviews (
    survey_id       text NOT NULL,
    digest          text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
    figures         jsonb NOT NULL,
    on_public_page  boolean NOT NULL,
    round_to_five   boolean NOT NULL,
    withheld        integer NOT NULL,
    audit_millis    bigint NOT NULL,
    sent_by         text NOT NULL,
    sent_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, digest)
);
CREATE INDEX result_reviews_newest ON result_reviews (survey_id, sent_at DESC);

CREATE TABLE result_sign_offs (
    id          bigserial PRIMARY KEY,
    survey_id   text NOT NULL,
    digest      text NOT NULL,
    forum       text NOT NULL CHECK (forum IN ('parent-forum', 'youth-forum')),
    decision    text NOT NULL CHECK (decision IN ('agreed', 'changes')),
    comment     text CHECK (length(comment) <= 3000),
    by_name     text NOT NULL,
    by_email    text NOT NULL,
    decided_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (survey_id, digest) REFERENCES result_reviews (survey_id, digest) ON DELETE CASCADE,
    CHECK (decision = 'agreed' OR comment IS NOT NULL)
);
CREATE INDEX result_sign_offs_by_review ON result_sign_offs (survey_id, digest, decided_at);

-- Who agreed a published version, in words the results pages show ("Agreed with the parent carer
-- forum on 3 March 2027"); empty when no agreement was asked for.
ALTER TABLE result_publication_versions ADD COLUMN agreed text CHECK (length(agreed) <= 500);
