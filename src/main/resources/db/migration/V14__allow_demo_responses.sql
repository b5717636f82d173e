-- The demo's made-up responses are marked as such, so a database holding them is never mistaken
-- for one holding real answers (and CHORUS_DEMO refuses a database that holds real ones).
ALTER TABLE responses DROP CONSTRAINT responses_channel_check;
ALTER TABLE responses ADD CONSTRAINT responses_channel_check CHECK (channel IN ('web', 'api', 'import', 'demo'));
ALTER TABLE responses DROP CONSTRAINT responses_keyed;
ALTER TABLE responses ADD CONSTRAINT responses_keyed CHECK (draft_id IS NOT NULL OR submission_id IS NOT NULL
    OR channel IN ('import', 'demo'));
