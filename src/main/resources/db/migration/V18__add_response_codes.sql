-- Results read every coded answer of a wave at once (after a restart, or when a wave changes).
-- Reading them from responses means reading every wide row, JSON and all, and printing each
-- int[] as text; this narrow copy holds only what counting needs, packed as 4-byte integers
-- (bytea travels and decodes several times faster). A trigger keeps it in step with every
-- writer, in the same transaction, and erasing a response erases its row here too.
CREATE FUNCTION pack_codes(integer[]) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(int4send(x), ''::bytea ORDER BY o), ''::bytea)
    FROM unnest($1) WITH ORDINALITY AS u(x, o)
$$;

CREATE TABLE response_codes (
    response_id        bigint PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
    survey_id          text NOT NULL,
    survey_version_id  bigint NOT NULL,
    submitted_epoch    bigint NOT NULL,
    codes              bytea NOT NULL,
    numbers            bytea NOT NULL
);
CREATE INDEX response_codes_by_survey ON response_codes (survey_id, response_id);

CREATE FUNCTION copy_response_codes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO response_codes (response_id, survey_id, survey_version_id, submitted_epoch, codes, numbers)
    VALUES (NEW.id, NEW.survey_id, NEW.survey_version_id, extract(epoch FROM NEW.submitted_at)::bigint,
            pack_codes(NEW.codes), pack_codes(coalesce(NEW.numbers, '{}')))
    ON CONFLICT (response_id) DO UPDATE SET codes = excluded.codes, numbers = excluded.numbers;
    RETURN NULL;
END
$$;

CREATE TRIGGER responses_copy_codes AFTER INSERT OR UPDATE OF codes, numbers ON responses
    FOR EACH ROW WHEN (NEW.codes IS NOT NULL) EXECUTE FUNCTION copy_response_codes();

INSERT INTO response_codes (response_id, survey_id, survey_version_id, submitted_epoch, codes, numbers)
SELECT id, survey_id, survey_version_id, extract(epoch FROM submitted_at)::bigint, pack_codes(codes),
       pack_codes(coalesce(numbers, '{}'))
FROM responses WHERE codes IS NOT NULL;
