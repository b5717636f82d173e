-- Replying to feedback and the Local Offer record.

-- An email address a person left so we can reply, kept apart from their words and deleted once the
-- reply is sent (and with the item, at the end of its channel's retention).
CREATE TABLE feedback_reply_addresses (
    item_id  bigint PRIMARY KEY REFERENCES feedback_items (id) ON DELETE CASCADE,
    email    text NOT NULL CHECK (length(email) <= 254),
    left_at  timestamptz NOT NULL DEFAULT now()
);

-- How a lead handled an item: the Local Offer sort (content, accessibility, development), a
-- response for the annual Local Offer report, a reply sent (its words, never the address), or the
-- item set aside as vexatious with the reason why.
CREATE TABLE feedback_handling (
    item_id           bigint PRIMARY KEY REFERENCES feedback_items (id) ON DELETE CASCADE,
    category          text CHECK (category IN ('content', 'accessibility', 'development')),
    response          text CHECK (length(response) <= 2000),
    replied_with      text CHECK (length(replied_with) <= 5000),
    replied_by        text,
    replied_at        timestamptz,
    set_aside_reason  text CHECK (length(set_aside_reason) <= 1000),
    set_aside_by      text,
    set_aside_at      timestamptz,
    updated_by        text NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((set_aside_reason IS NULL) = (set_aside_at IS NULL))
);
CREATE INDEX feedback_handling_by_category ON feedback_handling (category);

-- The years whose Local Offer feedback report is public, and who made it so.
CREATE TABLE local_offer_reports (
    year          integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    published_by  text NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now()
);
