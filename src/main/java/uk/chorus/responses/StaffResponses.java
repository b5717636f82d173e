package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What staff may read and remove: single responses, data-protection requests, retention. */
@Singleton
@Connectable
class StaffResponses {
    private static final int LIST_LIMIT = 500;
    private final JdbcOperations jdbc;
    private final AnswerJson json;

    StaffResponses(JdbcOperations jdbc, AnswerJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A response, or an unfinished draft when found by resume code. */
    record Held(String surveyId, long versionId, @Nullable String reference, @Nullable String resumeCode,
                Map<String, Object> answers, @Nullable Instant submittedAt) {
    }

    record Listed(String reference, Instant submittedAt, String channel) {
    }

    List<Listed> list(String surveyId) {
        return jdbc.prepareStatement("SELECT reference, submitted_at, channel FROM responses WHERE survey_id = ? "
                + "ORDER BY submitted_at DESC LIMIT " + LIST_LIMIT, ps -> {
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

    Optional<Held> byReference(String reference) {
        return jdbc.prepareStatement("SELECT survey_id, survey_version_id, reference, answers::text, submitted_at "
                + "FROM responses WHERE reference = ?", ps -> {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Held(rs.getString(1), rs.getLong(2), rs.getString(3), null,
                        json.read(rs.getString(4)), rs.getTimestamp(5).toInstant())) : Optional.empty();
            }
        });
    }

    /** What a resume code holds: its response if it was sent, otherwise the unfinished draft. */
    Optional<Held> byResumeCode(String code) {
        return jdbc.prepareStatement("SELECT d.survey_id, d.survey_version_id, r.reference, "
                + "COALESCE(r.answers, d.answers)::text, r.submitted_at, d.resume_code "
                + "FROM drafts d LEFT JOIN responses r ON r.id = d.response_id WHERE d.resume_code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Erases a response and its draft together (one statement, so the links between them never dangle). */
    boolean eraseByReference(String reference) {
        return jdbc.prepareStatement("WITH gone AS (DELETE FROM responses WHERE reference = ? RETURNING draft_id), "
                + "d AS (DELETE FROM drafts WHERE id IN (SELECT draft_id FROM gone)) SELECT count(*) FROM gone", ps -> {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    boolean eraseByResumeCode(String code) {
        return jdbc.prepareStatement("WITH d AS (SELECT id, response_id FROM drafts WHERE resume_code = ?), "
                + "r AS (DELETE FROM responses WHERE id IN (SELECT response_id FROM d)) "
                + "DELETE FROM drafts WHERE id IN (SELECT id FROM d)", ps -> {
            ps.setString(1, code);
            return ps.executeUpdate() > 0;
        });
    }

    /** Removes every raw response and draft of a survey; returns how many responses went. */
    long eraseSurvey(String surveyId) {
        return jdbc.prepareStatement("WITH r AS (DELETE FROM responses WHERE survey_id = ? RETURNING id), "
                + "d AS (DELETE FROM drafts WHERE survey_id = ? RETURNING id) "
                + "SELECT (SELECT count(*) FROM r)", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Held read(ResultSet rs) throws SQLException {
        var submitted = rs.getTimestamp(5);
        return new Held(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(6), json.read(rs.getString(4)),
                submitted == null ? null : submitted.toInstant());
    }
}
