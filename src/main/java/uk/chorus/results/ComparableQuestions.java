package uk.chorus.results;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leads' decisions that a question asked differently in a survey and its baseline may still be
 * compared (comparable_questions), each with its reason, recorded in the audit log.
 */
@Singleton
class ComparableQuestions {
    static final int LONGEST_REASON = 1000;

    /** Who decided a reworded question is comparable, when, and why. */
    record Mark(String reason, String markedBy, Instant markedAt) {
    }

    private final JdbcOperations jdbc;
    private final AuditLog audit;

    ComparableQuestions(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Question key to decision, for a survey against one baseline. */
    @Transactional(readOnly = true)
    Map<String, Mark> of(String surveyId, String baselineId) {
        return jdbc.prepareStatement("SELECT question_key, reason, marked_by, marked_at FROM comparable_questions "
                + "WHERE survey_id = ? AND baseline_id = ? ORDER BY question_key", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, baselineId);
            Map<String, Mark> marks = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marks.put(rs.getString(1), new Mark(rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return marks;
        });
    }

    @Transactional
    void mark(String surveyId, String baselineId, String key, String reason, String by) {
        jdbc.prepareStatement("INSERT INTO comparable_questions (survey_id, baseline_id, question_key, reason, marked_by) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id, baseline_id, question_key) "
                + "DO UPDATE SET reason = EXCLUDED.reason, marked_by = EXCLUDED.marked_by, marked_at = now()", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, baselineId);
            ps.setString(3, key);
            ps.setString(4, reason);
            ps.setString(5, by);
            return ps.executeUpdate();
        });
        audit.record(by, "question marked comparable", surveyId + " " + key + " with " + baselineId, reason);
    }

    @Transactional
    void unmark(String surveyId, String baselineId, String key, String by) {
        int removed = jdbc.prepareStatement("DELETE FROM comparable_questions WHERE survey_id = ? AND baseline_id = ? "
                + "AND question_key = ?", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, baselineId);
            ps.setString(3, key);
            return ps.executeUpdate();
        });
        if (removed > 0) {
            audit.record(by, "question no longer marked comparable", surveyId + " " + key + " with " + baselineId, null);
        }
    }
}
