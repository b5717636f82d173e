-- A page that came back with errors is kept on the draft until it is put right, so the page can
-- be shown again by a plain GET after a redirect: the browser's Back button never offers to post
-- a form again. Cleared by the next successful save; erased and expired with the draft.
ALTER TABLE drafts ADD COLUMN rejected_page INTEGER, ADD COLUMN rejected_form JSONB;
