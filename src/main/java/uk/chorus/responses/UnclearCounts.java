package uk.chorus.responses;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many sent responses marked each question "I don't understand this question", by the
 * language and reading level it was read in, so a forum can see which wording failed for whom.
 * Counts only: other features never read the responses or unclear_questions tables themselves.
 */
@Singleton
@Connectable
public class UnclearCounts {
    private final JdbcOperations jdbc;

    UnclearCounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Respondents who marked one question unclear in one language at one reading level. */
    public record Count(String questionKey, String language, String readingLevel, long respondents) {
    }

    public List<Count> of(String surveyId) {
        return jdbc.prepareStatement("SELECT u.question_key, r.language, u.reading_level, count(*) "
                + "FROM unclear_questions u JOIN responses r ON r.id = u.response_id WHERE u.survey_id = ? "
                + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", ps -> {
            ps.setString(1, surveyId);
            List<Count> counts = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return counts;
        });
    }

    /** Sent responses by the language they were answered in: what each count is out of. */
    public Map<String, Long> responsesByLanguage(String surveyId) {
        return jdbc.prepareStatement("SELECT language, count(*) FROM responses WHERE survey_id = ? "
                + "GROUP BY language ORDER BY language", ps -> {
            ps.setString(1, surveyId);
            Map<String, Long> counts = new LinkedHashMap<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }
}
