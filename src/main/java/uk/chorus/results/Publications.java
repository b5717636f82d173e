package uk.chorus.results;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which surveys' results a lead has published (result_publications). Publishing lets forum
 * members and viewers see the suppressed figures, and, when chosen, a public page; withdrawing
 * takes them away again. Both are audited.
 */
@Singleton
class Publications {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    Publications(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Publication(String surveyId, String publishedBy, Instant publishedAt, boolean onPublicPage,
                       boolean roundToFive) {
    }

    @Transactional(readOnly = true)
    Optional<Publication> of(String surveyId) {
        return list("WHERE survey_id = ?", surveyId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    List<Publication> onPublicPage() {
        return list("WHERE on_public_page", null);
    }

    @Transactional
    void publish(String surveyId, boolean onPublicPage, boolean roundToFive, String by) {
        jdbc.prepareStatement("INSERT INTO result_publications (survey_id, published_by, on_public_page, round_to_five) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (survey_id) DO UPDATE SET published_by = excluded.published_by, "
                + "published_at = now(), on_public_page = excluded.on_public_page, round_to_five = excluded.round_to_five",
                ps -> {
                    ps.setString(1, surveyId);
                    ps.setString(2, by);
                    ps.setBoolean(3, onPublicPage);
                    ps.setBoolean(4, roundToFive);
                    return ps.executeUpdate();
                });
        audit.record(by, "results published", surveyId, (onPublicPage ? "staff and public page" : "staff only")
                + (roundToFive ? ", counts rounded to 5" : ""));
    }

    @Transactional
    void withdraw(String surveyId, String by) {
        int gone = jdbc.prepareStatement("DELETE FROM result_publications WHERE survey_id = ?", ps -> {
            ps.setString(1, surveyId);
            return ps.executeUpdate();
        });
        if (gone > 0) {
            audit.record(by, "results withdrawn", surveyId, null);
        }
    }

    private List<Publication> list(String where, String surveyId) {
        return jdbc.prepareStatement("SELECT survey_id, published_by, published_at, on_public_page, round_to_five "
                + "FROM result_publications " + where + " ORDER BY published_at DESC", ps -> {
            if (surveyId != null) {
                ps.setString(1, surveyId);
            }
            List<Publication> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Publication(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getBoolean(4), rs.getBoolean(5)));
                }
            }
            return found;
        });
    }
}
