-- What a lead published, as it was published: every figure of the wave after disclosure control,
-- fixed at that moment. Forum members, viewers, the public, downloads and reports read only this,
-- so no published figure moves when another family submits. A later publication is a new version.
CREATE TABLE result_publication_versions (
    survey_id       text NOT NULL,
    version         integer NOT NULL,
    published_by    text NOT NULL,
    published_at    timestamptz NOT NULL DEFAULT now(),
    on_public_page  boolean NOT NULL,
    round_to_five   boolean NOT NULL,
    withheld        integer NOT NULL,
    audit_millis    bigint NOT NULL,
    figures         jsonb NOT NULL,
    PRIMARY KEY (survey_id, version)
);

-- The version now shown; a publication from before versions has none and is shown as unpublished
-- until a lead publishes it again.
ALTER TABLE result_publications ADD COLUMN version integer;
