package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other features may know of stored answers: one response or draft found by the reference
 * or resume code its respondent quotes, its answers beside the exact wording they answered, and
 * erasure. Other features never read the responses or drafts tables themselves.
 *
 * <p>Every erasure records its change in the caller's transaction (the change log needs one), so
 * the search index and cached results forget the answers too.
 */
@Singleton
@Connectable
public class ResponseRecords {
    private static final int LIST_LIMIT = 500;
    private final JdbcOperations jdbc;
    private final AnswerJson json;
    private final SurveyVersions versions;
    private final AnswerDisplay display;
    private final ChangeLog changes;

    ResponseRecords(JdbcOperations jdbc, AnswerJson json, SurveyVersions versions, AnswerDisplay display,
                    ChangeLog changes) {
        this.jdbc = jdbc;
        this.json = json;
        this.versions = versions;
        this.display = display;
        this.changes = changes;
    }

    /**
     * A response, or an unfinished draft when found by resume code. The resume code itself is a
     * secret and is never part of this record: logs and pages name a draft by its internal id.
     */
    public record Held(String surveyId, long versionId, @Nullable Long responseId, @Nullable String reference,
                       long draftId, Map<String, Object> answers, @Nullable Instant submittedAt) {

        public boolean submitted() {
            return responseId != null;
        }

        /** How the audit log and staff pages name it: the reference, or the draft's internal id. */
        public String name() {
            return reference != null ? reference : "draft " + draftId;
        }
    }

    public record Listed(String reference, Instant submittedAt, String channel) {
    }

    @Serdeable
    public record AnsweredQuestion(String question, List<String> answer) {
    }

    /**
     * A response's answers as numbers (see AnswerVocabulary of its version), for counting. A
     * partial response (an unfinished draft) has a negative id.
     */
    public record CodedResponse(long id, long versionId, Instant submittedAt, int[] codes, int[] numbers) {
        public boolean partial() {
            return id < 0;
        }
    }

    /** A complete response with its answers, for a raw export. */
    public record RawResponse(String reference, Instant submittedAt, String channel, long versionId,
                              Map<String, Object> answers) {
    }

    /**
     * Every complete response of a survey after the given id, oldest first, coded: streamed in
     * the caller's read-only transaction (PostgreSQL only streams inside one).
     */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public void forEachCoded(String surveyId, long afterId, java.util.function.Consumer<CodedResponse> consumer) {
        // From the narrow copy (response_codes, kept by a trigger), packed as 4-byte integers and
        // fetched in PostgreSQL's binary format: several times faster than the wide rows' int[] as text.
        jdbc.prepareStatement("SELECT response_id, survey_version_id, submitted_epoch, codes, numbers FROM response_codes "
                + "WHERE survey_id = ? AND response_id > ? ORDER BY response_id", ps -> {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            ps.setString(1, surveyId);
            ps.setLong(2, afterId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new CodedResponse(rs.getLong(1), rs.getLong(2), Instant.ofEpochSecond(rs.getLong(3)),
                            unpacked(rs.getBytes(4)), unpacked(rs.getBytes(5))));
                }
            }
            return null;
        });
    }

    /**
     * The language each complete response of a survey was answered in, for those not answered in
     * {@code usual} (most are, and a response not listed was answered in it), so results can be
     * split by language.
     */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public Map<Long, String> languagesOtherThan(String surveyId, String usual) {
        return jdbc.prepareStatement("SELECT id, language FROM responses WHERE survey_id = ? AND language <> ?", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, usual);
            ps.setFetchSize(10_000);
            Map<Long, String> languages = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    languages.put(rs.getLong(1), rs.getString(2));
                }
            }
            return languages;
        });
    }

    /** pack_codes' bytes (big-endian 4-byte integers) back as numbers. */
    static int[] unpacked(byte[] packed) {
        int[] values = new int[packed.length / 4];
        for (int i = 0, at = 0; i < values.length; i++, at += 4) {
            values[i] = (packed[at] & 0xff) << 24 | (packed[at + 1] & 0xff) << 16 | (packed[at + 2] & 0xff) << 8
                    | (packed[at + 3] & 0xff);
        }
        return values;
    }

    /** Every unfinished draft of a survey that holds answers, coded (ids negative: partial responses). */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public void forEachPartial(String surveyId, java.util.function.Consumer<CodedResponse> consumer) {
        jdbc.prepareStatement("SELECT id, survey_version_id, updated_at, answers::text FROM drafts WHERE survey_id = ? "
                + "AND response_id IS NULL AND answers <> '{}'::jsonb ORDER BY id", ps -> {
            ps.setString(1, surveyId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long versionId = rs.getLong(2);
                    var definition = versions.definition(versionId).orElseThrow();
                    AnswerCoding.Coded coded = AnswerCoding.encode(definition, versions.vocabulary(versionId),
                            json.read(rs.getString(4)));
                    consumer.accept(new CodedResponse(-rs.getLong(1), versionId, rs.getTimestamp(3).toInstant(),
                            coded.codes(), coded.numbers()));
                }
            }
            return null;
        });
    }

    /** A written answer: the question's key and wording, and what was written. */
    public record TextAnswer(String questionKey, String question, String text) {
    }

    /**
     * What a response wrote in words, with what search and themes need beside it: the survey and
     * wave, whether it is a young people's survey, when it was sent and the about-you answers
     * (topic, such as "ehcp", to the answer's code).
     */
    public record ResponseTexts(long responseId, String surveyId, int wave, boolean youngPeople, Instant submittedAt,
                                Map<String, String> about, List<TextAnswer> texts) {
    }

    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public Optional<ResponseTexts> textsOf(long responseId) {
        return jdbc.prepareStatement("SELECT id, survey_id, survey_version_id, submitted_at, answers::text FROM responses "
                + "WHERE id = ?", ps -> {
            ps.setLong(1, responseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(texts(rs)) : Optional.<ResponseTexts>empty();
            }
        });
    }

    /** Several responses' written answers at once (those erased or with no words are absent). */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public Map<Long, ResponseTexts> textsOf(java.util.Collection<Long> responseIds) {
        Map<Long, ResponseTexts> found = new java.util.HashMap<>();
        if (responseIds.isEmpty()) {
            return found;
        }
        jdbc.prepareStatement("SELECT id, survey_id, survey_version_id, submitted_at, answers::text FROM responses "
                + "WHERE id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", responseIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ResponseTexts texts = texts(rs);
                    if (texts != null) {
                        found.put(texts.responseId(), texts);
                    }
                }
            }
            return null;
        });
        return found;
    }

    /** How many complete responses there are, to every survey (the size of a rebuild). */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public long total() {
        return jdbc.prepareStatement("SELECT count(*) FROM responses", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Every complete response that wrote anything in words, oldest first (rebuilding the search
     * index); {@code seen} hears of every response read, with words or not, to show progress.
     */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public void forEachWithText(java.util.function.Consumer<ResponseTexts> consumer, Runnable seen) {
        jdbc.prepareStatement("SELECT id, survey_id, survey_version_id, submitted_at, answers::text FROM responses "
                + "ORDER BY id", ps -> {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ResponseTexts texts = texts(rs);
                    if (texts != null) {
                        consumer.accept(texts);
                    }
                    seen.run();
                }
            }
            return null;
        });
    }

    /** A row's written answers, or null when it wrote nothing in words. */
    private ResponseTexts texts(ResultSet rs) throws java.sql.SQLException {
        var definition = versions.definition(rs.getLong(3)).orElseThrow();
        Map<String, Object> answers = json.read(rs.getString(5));
        List<TextAnswer> texts = new ArrayList<>();
        Map<String, String> about = new java.util.LinkedHashMap<>();
        for (var question : definition.questionList()) {
            Object value = answers.get(question.key());
            if (value == null) {
                continue;
            }
            if (question.type().isText() && !value.toString().isBlank()) {
                texts.add(new TextAnswer(question.key(), question.text(), value.toString()));
            } else if (question.about() != null) {
                about.put(question.about().fileName(), value.toString());
            }
        }
        if (texts.isEmpty()) {
            return null;
        }
        return new ResponseTexts(rs.getLong(1), rs.getString(2), definition.wave(),
                definition.audience() == uk.chorus.surveys.Audience.YOUNG_PEOPLE, rs.getTimestamp(4).toInstant(),
                about, texts);
    }

    /** Every complete response of a survey with its answers, oldest first, for a raw export. */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public void forEachRaw(String surveyId, java.util.function.Consumer<RawResponse> consumer) {
        jdbc.prepareStatement("SELECT reference, submitted_at, channel, survey_version_id, answers::text FROM responses "
                + "WHERE survey_id = ? ORDER BY id", ps -> {
            ps.setString(1, surveyId);
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(new RawResponse(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getLong(4), json.read(rs.getString(5))));
                }
            }
            return null;
        });
    }

    public List<Listed> list(String surveyId) {
        return jdbc.prepareStatement("SELECT reference, submitted_at, channel FROM responses WHERE survey_id = ? "
                + "ORDER BY submitted_at DESC, id DESC LIMIT " + LIST_LIMIT, ps -> {
            ps.setString(1, surveyId);
            List<Listed> listed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed.add(new Listed(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
                }
            }
            return listed;
        });
    }

    /** How many complete responses a survey holds, by channel (web, api, import, demo). */
    public Map<String, Long> countsByChannel(String surveyId) {
        return jdbc.prepareStatement("SELECT channel, count(*) FROM responses WHERE survey_id = ? "
                + "GROUP BY channel ORDER BY channel", ps -> {
            ps.setString(1, surveyId);
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /**
     * One page of a survey's responses, newest or oldest first, from one channel or all
     * ({@code channel} null), and only references containing {@code reference} when given.
     */
    public List<Listed> page(String surveyId, @Nullable String channel, @Nullable String reference,
                             boolean newestFirst, int offset, int limit) {
        String order = newestFirst ? "submitted_at DESC, id DESC" : "submitted_at, id";
        return jdbc.prepareStatement("SELECT reference, submitted_at, channel FROM responses WHERE survey_id = ? "
                + "AND (?::text IS NULL OR channel = ?) AND (?::text IS NULL OR strpos(reference, ?) > 0) "
                + "ORDER BY " + order + " OFFSET ? LIMIT ?", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, channel);
            ps.setString(3, channel);
            ps.setString(4, reference);
            ps.setString(5, reference);
            ps.setInt(6, offset);
            ps.setInt(7, limit);
            List<Listed> listed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed.add(new Listed(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)));
                }
            }
            return listed;
        });
    }

    /** How many responses {@link #page} would go through, for its page count. */
    public long count(String surveyId, @Nullable String channel, @Nullable String reference) {
        return jdbc.prepareStatement("SELECT count(*) FROM responses WHERE survey_id = ? "
                + "AND (?::text IS NULL OR channel = ?) AND (?::text IS NULL OR strpos(reference, ?) > 0)", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, channel);
            ps.setString(3, channel);
            ps.setString(4, reference);
            ps.setString(5, reference);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<Held> byReference(String reference) {
        return jdbc.prepareStatement("SELECT r.survey_id, r.survey_version_id, r.id, r.reference, "
                + "coalesce(d.id, 0), r.answers::text, r.submitted_at "
                + "FROM responses r LEFT JOIN drafts d ON d.id = r.draft_id WHERE r.reference = ?", ps -> {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** What a resume code holds: its response if it was sent, otherwise the unfinished draft. */
    public Optional<Held> byResumeCode(String typedCode) {
        Optional<String> code = Codes.readResumeCode(typedCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT d.survey_id, d.survey_version_id, r.id, r.reference, d.id, "
                + "COALESCE(r.answers, d.answers)::text, r.submitted_at "
                + "FROM drafts d LEFT JOIN responses r ON r.id = d.response_id WHERE d.resume_code = ?", ps -> {
            ps.setString(1, code.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** The exact survey definition a response or draft answered, whether or not its file is still there. */
    public SurveyDefinition definitionOf(Held held) {
        return versions.definition(held.versionId()).orElseThrow();
    }

    /** Each answer beside the exact wording of the version it answered, in survey order. */
    public List<AnsweredQuestion> answersBesideQuestions(Held held) {
        return definitionOf(held).questionList().stream()
                .filter(q -> held.answers().containsKey(q.key()))
                .map(q -> new AnsweredQuestion(q.text(), display.display(q, held.answers().get(q.key()))))
                .toList();
    }

    /**
     * Erases what is held (a response and its draft, or an unfinished draft) in the caller's
     * transaction. Returns false when it was already gone.
     */
    public boolean erase(Held held) {
        if (held.submitted()) {
            Long erased = jdbc.prepareStatement("WITH gone AS (DELETE FROM responses WHERE id = ? RETURNING id, draft_id), "
                    + "d AS (DELETE FROM drafts WHERE id IN (SELECT draft_id FROM gone)) SELECT max(id) FROM gone", ps -> {
                ps.setLong(1, held.responseId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                }
            });
            if (erased == null) {
                return false;
            }
            List<uk.chorus.changes.Change> changed = new ArrayList<>();
            changed.add(new ResponseErased(held.responseId(), held.surveyId()));
            if (held.draftId() > 0) {
                changed.add(new DraftErased(held.draftId(), held.surveyId()));
            }
            changes.recordAll(changed);
            return true;
        }
        int deleted = jdbc.prepareStatement("DELETE FROM drafts WHERE id = ? AND response_id IS NULL", ps -> {
            ps.setLong(1, held.draftId());
            return ps.executeUpdate();
        });
        if (deleted == 0) {
            return false;
        }
        changes.record(new DraftErased(held.draftId(), held.surveyId()));
        return true;
    }

    /** Removes every raw response and draft of a survey, in the caller's transaction; returns how many responses went. */
    public long eraseSurvey(String surveyId) {
        long[] gone = jdbc.prepareStatement("WITH d AS (DELETE FROM drafts WHERE survey_id = ? RETURNING id), "
                + "r AS (DELETE FROM responses WHERE survey_id = ? RETURNING id) "
                + "SELECT (SELECT count(*) FROM r), (SELECT count(*) FROM d)", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        });
        if (gone[0] + gone[1] > 0) {
            changes.record(new RawAnswersExpired(surveyId));
        }
        return gone[0];
    }

    /** How many complete responses and unfinished (partial) drafts a survey has. */
    public ResponseCounts count(String surveyId) {
        return jdbc.prepareStatement("SELECT (SELECT count(*) FROM responses WHERE survey_id = ?), "
                + "(SELECT count(*) FROM drafts WHERE survey_id = ? AND response_id IS NULL "
                + "AND answers <> '{}'::jsonb)", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ResponseCounts(surveyId, rs.getLong(1), rs.getLong(2));
            }
        });
    }

    /** Which of these responses are no longer held (erased, or deleted when their survey's retention ended). */
    public List<Long> gone(List<Long> responseIds) {
        if (responseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT id FROM unnest(?::bigint[]) AS asked(id) "
                + "WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.id = asked.id)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", responseIds.toArray()));
            List<Long> gone = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    gone.add(rs.getLong(1));
                }
            }
            return gone;
        });
    }

    /** Whether a survey still has raw responses or drafts (retention has not yet deleted them). */
    public boolean holdsAnything(String surveyId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM responses WHERE survey_id = ?) "
                + "OR EXISTS (SELECT 1 FROM drafts WHERE survey_id = ?)", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private Held read(ResultSet rs) throws SQLException {
        long responseId = rs.getLong(3);
        Long response = rs.wasNull() ? null : responseId;
        var submitted = rs.getTimestamp(7);
        return new Held(rs.getString(1), rs.getLong(2), response, rs.getString(4), rs.getLong(5),
                json.read(rs.getString(6)), submitted == null ? null : submitted.toInstant());
    }
}
