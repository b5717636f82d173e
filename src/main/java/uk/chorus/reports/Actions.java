package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.feedback.FeedbackRecords;
import uk.chorus.feedback.Inspections;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What was done about what families raised: each action with its owner, date and status, and
 * what it answers (themes, feedback items, Young Inspectors' recommendations) and the measures
 * that show whether it worked. Saved whole, links and all, in one transaction.
 */
@Singleton
public class Actions {
    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final FeedbackRecords feedback;
    private final Inspections inspections;

    Actions(JdbcOperations jdbc, AuditLog audit, FeedbackRecords feedback, Inspections inspections) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.feedback = feedback;
        this.inspections = inspections;
    }

    public enum Status {
        PLANNED, IN_PROGRESS, DONE, NOT_POSSIBLE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String labelKey() {
            return "reports.action.status." + code();
        }

        public static Optional<Status> fromCode(@Nullable String code) {
            return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
        }
    }

    /** An action as a lead writes it; {@code reason} is needed when it was not possible. */
    public record Draft(String title, @Nullable String details, @Nullable String service, @Nullable String owner,
                        @Nullable LocalDate dueOn, Status status, @Nullable String reason, List<String> themes,
                        List<Long> feedbackItems, List<Long> recommendations, List<Long> measures) {
    }

    public record Action(long id, Draft draft, String updatedBy) {
    }

    @Transactional
    public long create(Draft draft, String by) {
        long id = jdbc.prepareStatement("INSERT INTO actions (title, details, service, owner, due_on, status, reason, "
                + "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            fill(ps, draft, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        links(id, draft);
        audit.record(by, "action recorded", Long.toString(id), draft.status().code());
        return id;
    }

    /** Replaces an action and its links; false when there is no such action. */
    @Transactional
    public boolean update(long id, Draft draft, String by) {
        int changed = jdbc.prepareStatement("UPDATE actions SET title = ?, details = ?, service = ?, owner = ?, "
                + "due_on = ?, status = ?, reason = ?, updated_by = ?, updated_at = now() WHERE id = ?", ps -> {
            fill(ps, draft, by);
            ps.setLong(9, id);
            return ps.executeUpdate();
        });
        if (changed == 0) {
            return false;
        }
        for (String table : List.of("action_themes", "action_feedback", "action_recommendations", "action_measures")) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE action_id = ?", ps -> {
                ps.setLong(1, id);
                return ps.executeUpdate();
            });
        }
        links(id, draft);
        audit.record(by, "action updated", Long.toString(id), draft.status().code());
        return true;
    }

    @Transactional(readOnly = true)
    public List<Action> all() {
        return read(null);
    }

    @Transactional(readOnly = true)
    public Optional<Action> find(long id) {
        return read(id).stream().findFirst();
    }

    /** Which feedback item ids exist among those given (a form names items by reference). */
    public Map<String, Long> feedbackIds(List<String> references) {
        return feedback.idsByReference(references);
    }

    /** Feedback references of item ids, for showing an action's links. */
    public Map<Long, String> feedbackReferences(List<Long> ids) {
        return feedback.referencesOf(ids);
    }

    /** Every Young Inspectors' recommendation, for linking: id to "service: text". */
    public Map<Long, String> recommendations() {
        return inspections.recommendationsById();
    }

    private static void fill(PreparedStatement ps, Draft draft, String by) throws SQLException {
        ps.setString(1, draft.title());
        ps.setString(2, draft.details());
        ps.setString(3, draft.service());
        ps.setString(4, draft.owner());
        ps.setDate(5, draft.dueOn() == null ? null : Date.valueOf(draft.dueOn()));
        ps.setString(6, draft.status().code());
        ps.setString(7, draft.status() == Status.NOT_POSSIBLE ? draft.reason() : null);
        ps.setString(8, by);
    }

    private void links(long id, Draft draft) {
        link("INSERT INTO action_themes (action_id, theme_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id, draft.themes());
        link("INSERT INTO action_feedback (action_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                draft.feedbackItems());
        link("INSERT INTO action_recommendations (action_id, recommendation_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                draft.recommendations());
        link("INSERT INTO action_measures (action_id, measure_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                draft.measures());
    }

    private void link(String sql, long id, List<?> targets) {
        if (targets.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            for (Object target : targets) {
                ps.setLong(1, id);
                ps.setObject(2, target);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private List<Action> read(@Nullable Long only) {
        return jdbc.prepareStatement("SELECT a.id, a.title, a.details, a.service, a.owner, a.due_on, a.status, a.reason, "
                + "a.updated_by, "
                + "ARRAY(SELECT theme_id FROM action_themes t WHERE t.action_id = a.id ORDER BY theme_id), "
                + "ARRAY(SELECT item_id FROM action_feedback f WHERE f.action_id = a.id ORDER BY item_id), "
                + "ARRAY(SELECT recommendation_id FROM action_recommendations r WHERE r.action_id = a.id ORDER BY 1), "
                + "ARRAY(SELECT measure_id FROM action_measures m WHERE m.action_id = a.id ORDER BY measure_id) "
                + "FROM actions a WHERE (?::bigint IS NULL OR a.id = ?) ORDER BY a.updated_at DESC, a.id DESC", ps -> {
            if (only == null) {
                ps.setNull(1, java.sql.Types.BIGINT);
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(1, only);
                ps.setLong(2, only);
            }
            List<Action> actions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(6);
                    actions.add(new Action(rs.getLong(1), new Draft(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), due == null ? null : due.toLocalDate(),
                            Status.fromCode(rs.getString(7)).orElse(Status.PLANNED), rs.getString(8),
                            List.of((String[]) rs.getArray(10).getArray()), longs(rs, 11), longs(rs, 12), longs(rs, 13)),
                            rs.getString(9)));
                }
            }
            return actions;
        });
    }

    private static List<Long> longs(ResultSet rs, int column) throws SQLException {
        return List.of((Long[]) rs.getArray(column).getArray());
    }
}
