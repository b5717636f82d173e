package uk.chorus.responses;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.web.Message;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Complete responses that arrive all at once rather than page by page: an earlier wave collected
 * elsewhere, or the demo's made-up families. Every answer is checked exactly as the API checks it,
 * so nothing imported could not have been sent; each response is recorded as submitted, so the
 * search index and results hear of it like any other.
 */
@Singleton
@Connectable
public class ResponseImport {
    /** How imported responses are marked: "import" for real earlier answers, "demo" for made-up ones. */
    public enum Channel {
        IMPORT("import"), DEMO("demo");

        private final String stored;

        Channel(String stored) {
            this.stored = stored;
        }
    }

    private final JdbcOperations jdbc;
    private final AnswerJson json;
    private final ChangeLog changes;
    private final uk.chorus.surveys.SurveyVersions versions;

    ResponseImport(JdbcOperations jdbc, AnswerJson json, ChangeLog changes, uk.chorus.surveys.SurveyVersions versions) {
        this.jdbc = jdbc;
        this.json = json;
        this.changes = changes;
        this.versions = versions;
    }

    /** One response to import: its answers (as the JSON API takes them) and when it was sent. */
    public record Imported(Map<String, Object> answers, Instant submittedAt) {
    }

    /** An unfinished draft to import: answers so far and the furthest page continued past. */
    public record ImportedDraft(Map<String, Object> answers, int furthestPage, Instant updatedAt) {
    }

    /** Thrown when an answer would have been refused by the API; nothing is imported. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @Transactional
    public int importResponses(LiveSurvey survey, Channel channel, List<Imported> responses) {
        List<String> documents = new ArrayList<>();
        List<AnswerCoding.Coded> coded = new ArrayList<>();
        var vocabulary = versions.vocabulary(survey);
        for (Imported response : responses) {
            Map<String, Object> values = checked(survey, response.answers());
            documents.add(json.write(values));
            coded.add(AnswerCoding.encode(survey.definition(), vocabulary, values));
        }
        List<ResponseSubmitted> submitted = new ArrayList<>();
        int batch = 500;
        for (int from = 0; from < responses.size(); from += batch) {
            int to = Math.min(responses.size(), from + batch);
            String[] references = new String[to - from];
            String[] answers = new String[to - from];
            Timestamp[] times = new Timestamp[to - from];
            String[] codes = new String[to - from];
            String[] numbers = new String[to - from];
            for (int i = from; i < to; i++) {
                references[i - from] = Codes.newReference();
                answers[i - from] = documents.get(i);
                times[i - from] = Timestamp.from(responses.get(i).submittedAt());
                codes[i - from] = joined(coded.get(i).codes());
                numbers[i - from] = joined(coded.get(i).numbers());
            }
            jdbc.prepareStatement("INSERT INTO responses (reference, survey_id, survey_version_id, channel, answers, "
                    + "submitted_at, codes, numbers) SELECT r, ?, ?, ?, CAST(a AS jsonb), t, "
                    + "string_to_array(c, ',')::integer[], string_to_array(n, ',')::integer[] FROM unnest(?::text[], "
                    + "?::text[], ?::timestamptz[], ?::text[], ?::text[]) AS x(r, a, t, c, n) RETURNING id", ps -> {
                ps.setString(1, survey.id());
                ps.setLong(2, survey.versionId());
                ps.setString(3, channel.stored);
                ps.setArray(4, ps.getConnection().createArrayOf("text", references));
                ps.setArray(5, ps.getConnection().createArrayOf("text", answers));
                ps.setArray(6, ps.getConnection().createArrayOf("timestamptz", times));
                ps.setArray(7, ps.getConnection().createArrayOf("text", codes));
                ps.setArray(8, ps.getConnection().createArrayOf("text", numbers));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        submitted.add(new ResponseSubmitted(rs.getLong(1), survey.id()));
                    }
                }
                return null;
            });
        }
        changes.recordAll(submitted);
        return submitted.size();
    }

    /** Unfinished drafts, counted as partial responses; their answers are checked one by one. */
    @Transactional
    public int importDrafts(LiveSurvey survey, List<ImportedDraft> drafts) {
        for (ImportedDraft draft : drafts) {
            Map<String, Object> values = new LinkedHashMap<>();
            draft.answers().forEach((key, value) -> survey.definition().question(key).ifPresent(q -> {
                AnswerChecker.Checked checked = AnswerChecker.fromJson(q, value);
                if (checked.isError()) {
                    throw new Refused(key + ": " + checked.error().key());
                }
                values.put(key, checked.value());
            }));
            jdbc.prepareStatement("INSERT INTO drafts (resume_code, survey_id, survey_version_id, answers, "
                    + "furthest_page, started_at, updated_at) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?)", ps -> {
                ps.setString(1, Codes.newResumeCode());
                ps.setString(2, survey.id());
                ps.setLong(3, survey.versionId());
                ps.setString(4, json.write(values));
                ps.setInt(5, draft.furthestPage());
                ps.setTimestamp(6, Timestamp.from(draft.updatedAt()));
                ps.setTimestamp(7, Timestamp.from(draft.updatedAt()));
                return ps.executeUpdate();
            });
        }
        return drafts.size();
    }

    /** Whether any response other than the demo's made-up ones is held. */
    public boolean holdsRealResponses() {
        return exists("SELECT EXISTS (SELECT 1 FROM responses WHERE channel <> 'demo')");
    }

    public boolean holdsDemoResponses() {
        return exists("SELECT EXISTS (SELECT 1 FROM responses WHERE channel = 'demo')");
    }

    private boolean exists(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static String joined(int[] values) {
        return java.util.Arrays.stream(values).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
    }

    private static Map<String, Object> checked(LiveSurvey survey, Map<String, Object> answers) {
        Map<String, Message> errors = new LinkedHashMap<>();
        Map<String, Object> values = ApiSubmissions.check(survey.definition(), answers, errors);
        if (!errors.isEmpty()) {
            throw new Refused("Refused answers to " + survey.id() + ": " + errors.keySet());
        }
        return values;
    }
}
