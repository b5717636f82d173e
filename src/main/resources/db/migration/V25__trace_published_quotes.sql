-- Where each quote in a published version came from: the response or feedback item, never the
-- words (only a digest of them, to find the quote in the version's content). A published version
-- is otherwise fixed, but when a family's words are erased their quote must leave every published
-- version too: the reports feature follows the change log's erasures and uses these rows to take
-- the quote out. No foreign key to responses or feedback_items, so the trace outlives the erasure
-- long enough to act on it; the row goes with the quote.
CREATE TABLE report_version_quotes (
    report_id     bigint  NOT NULL,
    version       integer NOT NULL,
    theme_id      text    NOT NULL,
    quote_digest  text    NOT NULL CHECK (quote_digest ~ '^[0-9a-f]{64}$'),
    response_id   bigint,
    item_id       bigint,
    FOREIGN KEY (report_id, version) REFERENCES report_versions (report_id, version) ON DELETE CASCADE,
    CHECK ((response_id IS NULL) <> (item_id IS NULL))
);
CREATE INDEX report_version_quotes_by_response ON report_version_quotes (response_id) WHERE response_id IS NOT NULL;
CREATE INDEX report_version_quotes_by_item ON report_version_quotes (item_id) WHERE item_id IS NOT NULL;

-- How many quotes left a version that way, so its page can say so rather than change silently.
ALTER TABLE report_versions ADD COLUMN quotes_withdrawn integer NOT NULL DEFAULT 0 CHECK (quotes_withdrawn >= 0);

-- Versions published before this migration: their quotes whose comment is still held.
INSERT INTO report_version_quotes (report_id, version, theme_id, quote_digest, response_id, item_id)
SELECT v.report_id, v.version, q.theme_id, encode(sha256(convert_to(q.quote, 'UTF8')), 'hex'), q.response_id, q.item_id
FROM report_versions v
JOIN report_quotes q ON q.report_id = v.report_id
WHERE v.content @> jsonb_build_object('themes', jsonb_build_array(jsonb_build_object('themeId', q.theme_id,
        'quotes', jsonb_build_array(jsonb_build_object('text', q.quote)))));

-- Erasures before now already took their draft quotes with them: the follower starts from here.
INSERT INTO change_cursors (consumer, last_id)
SELECT 'published-quotes', coalesce(max(id), 0) FROM change_log
ON CONFLICT (consumer) DO NOTHING;
