-- Commitments tracked in public, and reports agreed by the forums before they publish.

-- "Not possible" becomes "dropped", the word the public commitments page uses; a dropped action
-- still says why.
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'actions'::regclass AND contype = 'c'
             AND pg_get_constraintdef(oid) LIKE '%not-possible%' LOOP
        EXECUTE format('ALTER TABLE actions DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
UPDATE actions SET status = 'dropped' WHERE status = 'not-possible';
ALTER TABLE actions ADD CONSTRAINT actions_status_known CHECK (status IN ('planned', 'in-progress', 'done', 'dropped'));
ALTER TABLE actions ADD CONSTRAINT actions_dropped_says_why CHECK (status <> 'dropped' OR reason IS NOT NULL);

-- When the work began: "Did it work?" compares only figures for periods that ended after it.
-- Actions already under way or done before this migration are taken to have begun when last updated.
ALTER TABLE actions ADD COLUMN started_on date;
UPDATE actions SET started_on = (updated_at AT TIME ZONE 'Europe/London')::date WHERE status IN ('in-progress', 'done');

-- Dated updates, shown in public as the action's timeline. Who wrote one is kept for staff only.
CREATE TABLE action_updates (
    id           bigserial PRIMARY KEY,
    action_id    bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    happened_on  date NOT NULL,
    status       text NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
    note         text CHECK (length(note) <= 2000),
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_updates_by_action ON action_updates (action_id, happened_on, id);
INSERT INTO action_updates (action_id, happened_on, status, recorded_by)
SELECT id, (updated_at AT TIME ZONE 'Europe/London')::date, status, updated_by FROM actions;

-- Survey answers an action answers, by response (so a family can see it from their reference).
-- Erasing the response takes the link with it.
CREATE TABLE action_responses (
    action_id    bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    response_id  bigint NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    reference    text NOT NULL CHECK (length(reference) <= 40),
    PRIMARY KEY (action_id, response_id)
);
CREATE INDEX action_responses_by_response ON action_responses (response_id);

-- A draft sent to the forums to agree: the exact content (as it would be published) and its
-- digest. Forum members agree or ask for changes on that digest; publishing with sign-off
-- publishes exactly this content.
CREATE TABLE report_reviews (
    report_id   bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    digest      text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
    content     jsonb NOT NULL,
    sent_by     text NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, digest)
);

CREATE TABLE report_sign_offs (
    id          bigserial PRIMARY KEY,
    report_id   bigint NOT NULL,
    digest      text NOT NULL,
    forum       text NOT NULL CHECK (forum IN ('parent-forum', 'youth-forum')),
    decision    text NOT NULL CHECK (decision IN ('agreed', 'changes')),
    comment     text CHECK (length(comment) <= 3000),
    by_name     text NOT NULL,
    by_email    text NOT NULL,
    decided_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (report_id, digest) REFERENCES report_reviews (report_id, digest) ON DELETE CASCADE,
    CHECK (decision = 'agreed' OR comment IS NOT NULL)
);
CREATE INDEX report_sign_offs_by_review ON report_sign_offs (report_id, digest, forum, decided_at);
