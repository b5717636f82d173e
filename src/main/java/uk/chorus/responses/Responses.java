package uk.chorus.responses;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Map;

/** Complete responses in PostgreSQL: one row per respondent, guaranteed by unique keys. */
@Singleton
@Connectable // each method is one autocommitted statement, unless a caller holds a transaction
class Responses {
    private final JdbcOperations jdbc;
    private final AnswerJson json;

    Responses(JdbcOperations jdbc, AnswerJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Stored(long id, String reference) {
    }

    /** Stores a web response for a locked draft, with its answers also as codes. */
    Stored insertFromDraft(Draft draft, Map<String, Object> answers, AnswerCoding.Coded coded, String language) {
        String reference = Codes.newReference();
        long id = jdbc.prepareStatement("INSERT INTO responses (reference, survey_id, survey_version_id, channel, "
                + "draft_id, answers, codes, numbers, language) VALUES (?, ?, ?, 'web', ?, CAST(? AS jsonb), ?, ?, ?) RETURNING id",
                ps -> {
            ps.setString(1, reference);
            ps.setString(2, draft.surveyId());
            ps.setLong(3, draft.surveyVersionId());
            ps.setLong(4, draft.id());
            ps.setString(5, json.write(answers));
            ps.setArray(6, ps.getConnection().createArrayOf("integer", coded.boxedCodes()));
            ps.setArray(7, ps.getConnection().createArrayOf("integer", coded.boxedNumbers()));
            ps.setString(8, language);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new Stored(id, reference);
    }

    /** The questions a sent response ticked as not understood, each with the reading level it was read at. */
    void recordUnclear(long responseId, String surveyId, Map<String, String> levelByKey) {
        levelByKey.forEach((key, level) -> jdbc.prepareStatement("INSERT INTO unclear_questions (response_id, "
                + "survey_id, question_key, reading_level) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
            ps.setLong(1, responseId);
            ps.setString(2, surveyId);
            ps.setString(3, key);
            ps.setString(4, level);
            return ps.executeUpdate();
        }));
    }
}
