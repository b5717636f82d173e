-- Feedback collected all year: Local Offer "was this page helpful?", service feedback, notes from
-- focus groups and coffee mornings, the forum's monthly report, Young Inspectors' visits,
-- complaints and compliments. One row per thing someone said.
CREATE TABLE feedback_items (
    id             bigserial PRIMARY KEY,
    reference      text NOT NULL UNIQUE,
    -- A client's own id for an item sent by the public form or API: sent twice, stored once.
    submission_id  uuid UNIQUE,
    channel        text NOT NULL CHECK (channel IN ('local-offer', 'service', 'focus-group', 'coffee-morning',
                                                    'forum-report', 'young-inspectors', 'complaint', 'compliment')),
    subject        text CHECK (length(subject) <= 300),
    occurred_on    date NOT NULL,
    helpful        boolean,
    text           text CHECK (length(text) <= 5000),
    about          jsonb NOT NULL DEFAULT '{}',
    entered_by     text,
    reviewed_at    timestamptz,
    reviewed_by    text,
    received_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (text IS NOT NULL OR helpful IS NOT NULL)
);
CREATE INDEX feedback_items_by_date ON feedback_items (occurred_on DESC, id DESC);
CREATE INDEX feedback_items_by_channel ON feedback_items (channel, occurred_on);

-- Contact details of someone who agreed to be contacted, apart from what they said, for leads only.
CREATE TABLE feedback_contacts (
    item_id  bigint PRIMARY KEY REFERENCES feedback_items (id) ON DELETE CASCADE,
    name     text CHECK (length(name) <= 200),
    email    text CHECK (length(email) <= 254),
    phone    text CHECK (length(phone) <= 40)
);

-- A Young Inspectors' visit: the feedback item holds what is good and what could be better (for
-- the themes); the visit adds who inspected, and each recommendation is tracked to an answer.
CREATE TABLE inspection_visits (
    item_id     bigint PRIMARY KEY REFERENCES feedback_items (id) ON DELETE CASCADE,
    inspectors  text CHECK (length(inspectors) <= 300),
    good        text CHECK (length(good) <= 5000),
    better      text CHECK (length(better) <= 5000)
);

CREATE TABLE inspection_recommendations (
    id          bigserial PRIMARY KEY,
    item_id     bigint NOT NULL REFERENCES inspection_visits (item_id) ON DELETE CASCADE,
    position    integer NOT NULL,
    text        text NOT NULL CHECK (length(text) <= 2000),
    status      text NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'accepted', 'in-progress', 'done', 'not-accepted')),
    reason      text CHECK (length(reason) <= 2000),
    updated_by  text,
    updated_at  timestamptz,
    CHECK (status <> 'not-accepted' OR reason IS NOT NULL),
    UNIQUE (item_id, position)
);

-- A CSV file checked and shown to a lead before it is imported all at once (kept a day at most).
CREATE TABLE feedback_imports (
    token       text PRIMARY KEY,
    csv         text NOT NULL,
    rows        integer NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
