package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.changes.ChangeLog;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Young Inspectors' visits: what is good and what could be better (stored as a feedback item, so
 * the themes hear it), who inspected, and each recommendation with the service's tracked answer,
 * so the forum can see what happened to what they said.
 */
@Singleton
@Connectable
public class Inspections {
    public static final int LONGEST_RECOMMENDATION = 2000;
    private final JdbcOperations jdbc;
    private final FeedbackRecords records;
    private final ChangeLog changes;
    private final AuditLog audit;

    Inspections(JdbcOperations jdbc, FeedbackRecords records, ChangeLog changes, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.changes = changes;
        this.audit = audit;
    }

    /** How a service has answered a recommendation. */
    public enum Status {
        OPEN("open"), ACCEPTED("accepted"), IN_PROGRESS("in-progress"), DONE("done"), NOT_ACCEPTED("not-accepted");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public String labelKey() {
            return "inspection.status." + code;
        }

        public static Optional<Status> fromCode(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }

    public record NewVisit(String service, LocalDate visitedOn, @Nullable String inspectors, @Nullable String good,
                           @Nullable String better, List<String> recommendations, String enteredBy) {
    }

    public record Recommendation(long id, int position, String text, Status status, @Nullable String reason,
                                 @Nullable String updatedBy, @Nullable Instant updatedAt) {
    }

    public record Visit(long itemId, String reference, String service, LocalDate visitedOn, @Nullable String inspectors,
                        @Nullable String good, @Nullable String better, List<Recommendation> recommendations) {
        public long open() {
            return recommendations.stream().filter(r -> r.status() == Status.OPEN).count();
        }
    }

    /** Stores the visit, its feedback item and its recommendations together. */
    @Transactional
    public long record(NewVisit visit) {
        String words = join(visit.good(), visit.better());
        FeedbackRecords.Stored item = records.insert(new NewFeedback(null, Channel.YOUNG_INSPECTORS, visit.service(),
                visit.visitedOn(), null, words, Map.of(), visit.enteredBy(), null));
        jdbc.prepareStatement("INSERT INTO inspection_visits (item_id, inspectors, good, better) VALUES (?, ?, ?, ?)", ps -> {
            ps.setLong(1, item.id());
            ps.setString(2, visit.inspectors());
            ps.setString(3, visit.good());
            ps.setString(4, visit.better());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO inspection_recommendations (item_id, position, text) VALUES (?, ?, ?)", ps -> {
            for (int i = 0; i < visit.recommendations().size(); i++) {
                ps.setLong(1, item.id());
                ps.setInt(2, i + 1);
                ps.setString(3, visit.recommendations().get(i));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        changes.record(new FeedbackReceived(item.id()));
        return item.id();
    }

    @Transactional(readOnly = true)
    public List<Visit> all() {
        return visits(null);
    }

    @Transactional(readOnly = true)
    public Optional<Visit> find(long itemId) {
        return visits(itemId).stream().findFirst();
    }

    /**
     * Records a service's answer to a recommendation; a recommendation not accepted needs a reason.
     * Returns false when there is no such recommendation on that visit.
     */
    @Transactional
    public boolean answer(long itemId, long recommendationId, Status status, @Nullable String reason, String by) {
        int changed = jdbc.prepareStatement("UPDATE inspection_recommendations SET status = ?, reason = ?, "
                + "updated_by = ?, updated_at = now() WHERE id = ? AND item_id = ?", ps -> {
            ps.setString(1, status.code());
            ps.setString(2, reason);
            ps.setString(3, by);
            ps.setLong(4, recommendationId);
            ps.setLong(5, itemId);
            return ps.executeUpdate();
        });
        if (changed > 0) {
            audit.record(by, "recommendation answered", "visit " + itemId, status.code()
                    + (reason == null ? "" : " – " + reason));
        }
        return changed > 0;
    }

    /** Recommendations by status across every visit, for the quarterly summary. */
    @Transactional(readOnly = true)
    public Map<Status, Long> countByStatus() {
        return jdbc.prepareStatement("SELECT status, count(*) FROM inspection_recommendations GROUP BY status", ps -> {
            Map<Status, Long> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Status.fromCode(rs.getString(1)).orElseThrow(), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private List<Visit> visits(@Nullable Long itemId) {
        Map<Long, List<Recommendation>> recommendations = jdbc.prepareStatement("SELECT r.item_id, r.id, r.position, "
                + "r.text, r.status, r.reason, r.updated_by, r.updated_at FROM inspection_recommendations r "
                + "WHERE (?::bigint IS NULL OR r.item_id = ?) ORDER BY r.item_id, r.position", ps -> {
            setId(ps, itemId);
            Map<Long, List<Recommendation>> byVisit = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byVisit.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Recommendation(rs.getLong(2),
                            rs.getInt(3), rs.getString(4), Status.fromCode(rs.getString(5)).orElseThrow(),
                            rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()));
                }
            }
            return byVisit;
        });
        return jdbc.prepareStatement("SELECT i.id, i.reference, i.subject, i.occurred_on, v.inspectors, v.good, v.better "
                + "FROM inspection_visits v JOIN feedback_items i ON i.id = v.item_id "
                + "WHERE (?::bigint IS NULL OR i.id = ?) ORDER BY i.occurred_on DESC, i.id DESC", ps -> {
            setId(ps, itemId);
            List<Visit> visits = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visits.add(new Visit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            recommendations.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return visits;
        });
    }

    private static void setId(java.sql.PreparedStatement ps, @Nullable Long itemId) throws java.sql.SQLException {
        for (int i = 1; i <= 2; i++) {
            if (itemId == null) {
                ps.setNull(i, java.sql.Types.BIGINT);
            } else {
                ps.setLong(i, itemId);
            }
        }
    }

    private static String join(@Nullable String good, @Nullable String better) {
        StringBuilder words = new StringBuilder();
        if (good != null) {
            words.append(good);
        }
        if (better != null) {
            words.append(words.isEmpty() ? "" : "\n\n").append(better);
        }
        return words.isEmpty() ? null : words.toString();
    }

    /** Every recommendation, newest visit first, as "service: recommendation", by id (for linking actions to them). */
    @Transactional(readOnly = true)
    public Map<Long, String> recommendationsById() {
        Map<Long, String> all = new java.util.LinkedHashMap<>();
        jdbc.prepareStatement("SELECT r.id, coalesce(i.subject, ''), r.text FROM inspection_recommendations r "
                + "JOIN feedback_items i ON i.id = r.item_id ORDER BY i.occurred_on DESC, r.position", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getLong(1), rs.getString(2) + ": " + rs.getString(3));
                }
            }
            return null;
        });
        return all;
    }
}
