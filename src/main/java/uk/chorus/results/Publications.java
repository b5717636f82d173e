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
 * Which surveys' results a lead has published (result_publications), and every version of the
 * figures published (result_publication_versions). Publishing lets forum members and viewers see
 * the version's figures, and, when chosen, a public page; withdrawing takes them away again (the
 * versions are kept as the record of what was shown). Both are audited.
 */
@Singleton
class Publications {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    Publications(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A publication; {@code agreed} says which forum agreed it and when, or is null when none was asked. */
    record Publication(String surveyId, String publishedBy, Instant publishedAt, boolean onPublicPage,
                       boolean roundToFive, int version, int withheld, @io.micronaut.core.annotation.Nullable String agreed) {
    }

    @Transactional(readOnly = true)
    Optional<Publication> of(String surveyId) {
        return list("WHERE survey_id = ?", surveyId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    List<Publication> onPublicPage() {
        return list("WHERE p.on_public_page", null);
    }

    /**
     * Publishes a wave's figures as decided and audited now: a new version, dated, which forum
     * members, viewers and (when chosen) the public see from then on, whatever is submitted later.
     */
    @Transactional
    int publish(String surveyId, boolean onPublicPage, boolean roundToFive, String by, String figures, int withheld,
                long auditMillis, int over) {
        return publish(surveyId, onPublicPage, roundToFive, by, figures, withheld, auditMillis, over, null);
    }

    /** As above, with the words saying which forum agreed these figures, and when. */
    @Transactional
    int publish(String surveyId, boolean onPublicPage, boolean roundToFive, String by, String figures, int withheld,
                long auditMillis, int over, @io.micronaut.core.annotation.Nullable String agreed) {
        // One publication at a time per survey: versions are numbered in order.
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('result_publication:' || ?))", ps -> {
            ps.setString(1, surveyId);
            ps.executeQuery().close();
            return null;
        });
        int newest = newestVersion(surveyId);
        if (over >= 0 && newest != over && of(surveyId).map(p -> p.version() == newest
                && p.onPublicPage() == onPublicPage && p.roundToFive() == roundToFive).orElse(false)) {
            // The same click again (a double click, a refresh, a retry): what it asked for is published.
            return newest;
        }
        int version = newest + 1;
        jdbc.prepareStatement("INSERT INTO result_publication_versions (survey_id, version, published_by, on_public_page, "
                + "round_to_five, withheld, audit_millis, figures, agreed) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)", ps -> {
            ps.setString(1, surveyId);
            ps.setInt(2, version);
            ps.setString(3, by);
            ps.setBoolean(4, onPublicPage);
            ps.setBoolean(5, roundToFive);
            ps.setInt(6, withheld);
            ps.setLong(7, auditMillis);
            ps.setString(8, figures);
            ps.setString(9, agreed);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO result_publications (survey_id, published_by, on_public_page, round_to_five, version) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id) DO UPDATE SET published_by = excluded.published_by, "
                + "published_at = now(), on_public_page = excluded.on_public_page, round_to_five = excluded.round_to_five, "
                + "version = excluded.version",
                ps -> {
                    ps.setString(1, surveyId);
                    ps.setString(2, by);
                    ps.setBoolean(3, onPublicPage);
                    ps.setBoolean(4, roundToFive);
                    ps.setInt(5, version);
                    return ps.executeUpdate();
                });
        audit.record(by, "results published", surveyId, "version " + version + ", "
                + (onPublicPage ? "staff and public page" : "staff only")
                + (roundToFive ? ", counts rounded to 5" : "") + ", " + withheld + " figures withheld, audit passed"
                + (agreed == null ? "" : ", " + agreed));
        return version;
    }

    /** The newest version ever published (0 when none), whether or not it is still published. */
    @Transactional(readOnly = true)
    int newestVersion(String surveyId) {
        return jdbc.prepareStatement("SELECT coalesce(max(version), 0) FROM result_publication_versions "
                + "WHERE survey_id = ?", ps -> {
            ps.setString(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The figures of the version now published, as stored (JSON), or empty when none is. */
    @Transactional(readOnly = true)
    Optional<String> figures(String surveyId, int version) {
        return Optional.ofNullable(jdbc.prepareStatement("SELECT figures::text FROM result_publication_versions "
                + "WHERE survey_id = ? AND version = ?", ps -> {
            ps.setString(1, surveyId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
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
        // A publication from before figures were kept (no version) is not shown until published again.
        return jdbc.prepareStatement("SELECT p.survey_id, p.published_by, p.published_at, p.on_public_page, p.round_to_five, "
                + "p.version, v.withheld, v.agreed FROM result_publications p JOIN result_publication_versions v "
                + "ON v.survey_id = p.survey_id AND v.version = p.version " + where.replace("WHERE survey_id", "WHERE p.survey_id")
                + " ORDER BY p.published_at DESC", ps -> {
            if (surveyId != null) {
                ps.setString(1, surveyId);
            }
            List<Publication> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Publication(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getString(8)));
                }
            }
            return found;
        });
    }
}
