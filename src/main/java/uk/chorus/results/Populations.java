package uk.chorus.results;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many children or young people the area has in each group of an about-you question, as a
 * lead entered them for a survey (population_sizes). Optional: without them results show no
 * response rates, margins of error or weighting.
 */
@Singleton
public class Populations {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    Populations(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** About-you key, then group code, then population; only keys with at least one size entered. */
    @Transactional(readOnly = true)
    Map<String, Map<String, Long>> of(String surveyId) {
        return jdbc.prepareStatement("SELECT about_key, group_code, population FROM population_sizes "
                + "WHERE survey_id = ? ORDER BY about_key, group_code", ps -> {
            ps.setString(1, surveyId);
            Map<String, Map<String, Long>> sizes = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
            return sizes;
        });
    }

    /** Replaces every size entered for a survey, in one transaction, recorded in the audit log. */
    @Transactional
    public void replace(String surveyId, Map<String, Map<String, Integer>> sizes, String enteredBy) {
        jdbc.prepareStatement("DELETE FROM population_sizes WHERE survey_id = ?", ps -> {
            ps.setString(1, surveyId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO population_sizes (survey_id, about_key, group_code, population, updated_by) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            for (var question : sizes.entrySet()) {
                for (var group : question.getValue().entrySet()) {
                    ps.setString(1, surveyId);
                    ps.setString(2, question.getKey());
                    ps.setString(3, group.getKey());
                    ps.setInt(4, group.getValue());
                    ps.setString(5, enteredBy);
                    ps.addBatch();
                }
            }
            return ps.executeBatch();
        });
        long groups = sizes.values().stream().mapToLong(Map::size).sum();
        audit.record(enteredBy, "population sizes saved", surveyId, groups + " groups");
    }
}
