package uk.chorus.results;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The measures a lead chose for a survey's headline page (headline_measures), each choice
 * recorded in the audit log. No choice yet means every compared question, as before.
 */
@Singleton
class HeadlineMeasures {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    HeadlineMeasures(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The question keys chosen, or empty when no lead has chosen. */
    @Transactional(readOnly = true)
    Optional<Set<String>> chosen(String surveyId) {
        Set<String> keys = jdbc.prepareStatement("SELECT question_key FROM headline_measures WHERE survey_id = ? "
                + "ORDER BY question_key", ps -> {
            ps.setString(1, surveyId);
            Set<String> found = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    /** Replaces the survey's choice with these keys (at least one), in one transaction. */
    @Transactional
    void choose(String surveyId, Collection<String> keys, String by) {
        jdbc.prepareStatement("DELETE FROM headline_measures WHERE survey_id = ?", ps -> {
            ps.setString(1, surveyId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO headline_measures (survey_id, question_key, chosen_by) VALUES (?, ?, ?)", ps -> {
            for (String key : keys) {
                ps.setString(1, surveyId);
                ps.setString(2, key);
                ps.setString(3, by);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        audit.record(by, "headline measures chosen", surveyId, String.join(", ", keys));
    }
}
