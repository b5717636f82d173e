package uk.chorus.results;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Results sent to a forum to agree before they are published (result_reviews), and the forum's
 * decisions on them (result_sign_offs). A review holds the figures exactly as decided and audited
 * when it was sent, so what the forum agrees is what is published, whatever is submitted later.
 */
@Singleton
class ResultReviews {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    ResultReviews(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Review(String surveyId, String digest, String figures, boolean onPublicPage, boolean roundToFive,
                  int withheld, long auditMillis, String sentBy, Instant sentAt) {
    }

    record SignOff(String forum, boolean agreed, String comment, String byName, Instant at) {
    }

    /** Keeps figures for the forum to agree; sending the same figures again is the same review. */
    @Transactional
    Review send(String surveyId, String figures, boolean onPublicPage, boolean roundToFive, int withheld,
                long auditMillis, String by) {
        String digest = digest(figures + "|" + onPublicPage + "|" + roundToFive);
        jdbc.prepareStatement("INSERT INTO result_reviews (survey_id, digest, figures, on_public_page, round_to_five, "
                + "withheld, audit_millis, sent_by) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?) "
                + "ON CONFLICT (survey_id, digest) DO UPDATE SET sent_at = now(), sent_by = excluded.sent_by", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, digest);
            ps.setString(3, figures);
            ps.setBoolean(4, onPublicPage);
            ps.setBoolean(5, roundToFive);
            ps.setInt(6, withheld);
            ps.setLong(7, auditMillis);
            ps.setString(8, by);
            return ps.executeUpdate();
        });
        audit.record(by, "results sent to agree", surveyId, digest.substring(0, 12) + ", " + withheld
                + " figures withheld" + (roundToFive ? ", counts rounded to 5" : ""));
        return latest(surveyId).orElseThrow();
    }

    /** The newest figures sent to agree for a survey. */
    @Transactional(readOnly = true)
    Optional<Review> latest(String surveyId) {
        return reviews("WHERE survey_id = ? ORDER BY sent_at DESC LIMIT 1", surveyId).stream().findFirst();
    }

    /** Each survey's newest review, newest first (what the forums have to read). */
    @Transactional(readOnly = true)
    List<Review> newestOfEach() {
        return reviews("WHERE (survey_id, sent_at) IN (SELECT survey_id, max(sent_at) FROM result_reviews "
                + "GROUP BY survey_id) ORDER BY sent_at DESC", null);
    }

    @Transactional
    void decide(String surveyId, String digest, String forum, boolean agreed, String comment, String byName,
                String byEmail) {
        jdbc.prepareStatement("INSERT INTO result_sign_offs (survey_id, digest, forum, decision, comment, by_name, "
                + "by_email) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, digest);
            ps.setString(3, forum);
            ps.setString(4, agreed ? "agreed" : "changes");
            ps.setString(5, comment);
            ps.setString(6, byName);
            ps.setString(7, byEmail);
            return ps.executeUpdate();
        });
        audit.record(byEmail, agreed ? "results agreed" : "results changes asked", surveyId,
                forum + ", " + digest.substring(0, 12));
    }

    /** Decisions on one review, oldest first. */
    @Transactional(readOnly = true)
    List<SignOff> decisions(String surveyId, String digest) {
        return jdbc.prepareStatement("SELECT forum, decision, comment, by_name, decided_at FROM result_sign_offs "
                + "WHERE survey_id = ? AND digest = ? ORDER BY decided_at, id", ps -> {
            ps.setString(1, surveyId);
            ps.setString(2, digest);
            List<SignOff> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new SignOff(rs.getString(1), "agreed".equals(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return found;
        });
    }

    private List<Review> reviews(String where, String surveyId) {
        return jdbc.prepareStatement("SELECT survey_id, digest, figures::text, on_public_page, round_to_five, withheld, "
                + "audit_millis, sent_by, sent_at FROM result_reviews " + where, ps -> {
            if (surveyId != null) {
                ps.setString(1, surveyId);
            }
            List<Review> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(review(rs));
                }
            }
            return found;
        });
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
