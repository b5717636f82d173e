-- Pledge reviews reach the themes index too, so a lead's theme decisions can be about them:
-- such a decision names the organisation that wrote the review, and goes when it goes.
ALTER TABLE theme_decisions ADD COLUMN pledge_organisation_id bigint
    REFERENCES pledge_organisations (id) ON DELETE CASCADE;
ALTER TABLE theme_decisions DROP CONSTRAINT theme_decisions_check;
ALTER TABLE theme_decisions ADD CONSTRAINT theme_decisions_one_source
    CHECK (num_nonnulls(response_id, item_id, pledge_organisation_id) = 1);
