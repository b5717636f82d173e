-- Responses can also arrive by import (earlier waves collected on paper or in another tool, and
-- the demo's baseline wave), recorded as such.
ALTER TABLE responses DROP CONSTRAINT responses_channel_check;
ALTER TABLE responses ADD CONSTRAINT responses_channel_check CHECK (channel IN ('web', 'api', 'import'));
ALTER TABLE responses DROP CONSTRAINT responses_check;
ALTER TABLE responses ADD CONSTRAINT responses_keyed CHECK (draft_id IS NOT NULL OR submission_id IS NOT NULL
    OR channel = 'import');
