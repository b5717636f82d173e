package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.feedback.FeedbackRecords;
import uk.chorus.feedback.Inspections;
import uk.chorus.responses.ResponseRecords;

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
 * what it answers (themes, feedback items, survey responses, Young Inspectors' recommendations)
 * and the measures that show whether it worked. Saved whole, links and all, in one transaction;
 * every change of status (and any note) is kept as a dated update, the action's public timeline.
 */
@Singleton
public class Actions {
    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final FeedbackRecords feedback;
    private final Inspections inspections;
    private final ResponseRecords responses;
    private final java.time.Clock clock;

    Actions(JdbcOperations jdbc, AuditLog audit, FeedbackRecords feedback, Inspections inspections,
            ResponseRecords responses, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.feedback = feedback;
        this.inspections = inspections;
        this.responses = responses;
    }

    public enum Status {
        PLANNED, IN_PROGRESS, DONE, DROPPED;

        /** Work has begun (or ended): from here on, figures can show whether it worked. */
        public boolean begun() {
            return this == IN_PROGRESS || this == DONE;
        }

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

    /**
     * An action as a lead writes it; {@code reason} is needed when it was dropped. {@code startedOn}
     * is when the work began (null while it is only planned); {@code responses} are the references
     * of survey responses whose written answers it answers.
     */
    public record Draft(String title, @Nullable String details, @Nullable String service, @Nullable String owner,
                        @Nullable LocalDate dueOn, Status status, @Nullable String reason, List<String> themes,
                        List<Long> feedbackItems, List<Long> recommendations, List<Long> measures,
                        @Nullable LocalDate startedOn, List<String> responses) {
        public Draft {
            responses = responses == null ? List.of() : List.copyOf(responses);
        }

        /** The same action without survey links or a start, as older callers wrote it. */
        public Draft(String title, @Nullable String details, @Nullable String service, @Nullable String owner,
                     @Nullable LocalDate dueOn, Status status, @Nullable String reason, List<String> themes,
                     List<Long> feedbackItems, List<Long> recommendations, List<Long> measures) {
            this(title, details, service, owner, dueOn, status, reason, themes, feedbackItems, recommendations, measures,
                    null, List.of());
        }
    }

    public record Action(long id, Draft draft, String updatedBy) {
    }

    /** One dated step on an action's timeline: where it stood from that day, and what was said. */
    public record Update(long actionId, LocalDate on, Status status, @Nullable String note) {
    }

    @Transactional
    public long create(Draft draft, @Nullable String note, LocalDate today, String by) {
        Draft started = withStart(draft, today);
        long id = jdbc.prepareStatement("INSERT INTO actions (title, details, service, owner, due_on, status, reason, "
                + "updated_by, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            fill(ps, started, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        links(id, started);
        addUpdate(id, today, started.status(), note, by);
        audit.record(by, "action recorded", Long.toString(id), started.status().code());
        return id;
    }

    /** For callers that write no note: dated today in the area's time zone. */
    @Transactional
    public long create(Draft draft, String by) {
        return create(draft, null, LocalDate.now(clock), by);
    }

    /**
     * Replaces an action and its links; false when there is no such action. A change of status, or
     * a note, is added to its timeline dated today.
     */
    @Transactional
    public boolean update(long id, Draft draft, @Nullable String note, LocalDate today, String by) {
        Optional<Action> before = find(id);
        if (before.isEmpty()) {
            return false;
        }
        Draft started = withStart(draft, today);
        int changed = jdbc.prepareStatement("UPDATE actions SET title = ?, details = ?, service = ?, owner = ?, "
                + "due_on = ?, status = ?, reason = ?, updated_by = ?, started_on = ?, updated_at = now() WHERE id = ?",
                ps -> {
                    fill(ps, started, by);
                    ps.setLong(10, id);
                    return ps.executeUpdate();
                });
        if (changed == 0) {
            return false;
        }
        if (before.get().draft().status() != started.status() || note != null) {
            addUpdate(id, today, started.status(), note, by);
        }
        for (String table : List.of("action_themes", "action_feedback", "action_recommendations", "action_measures",
                "action_responses")) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE action_id = ?", ps -> {
                ps.setLong(1, id);
                return ps.executeUpdate();
            });
        }
        links(id, draft);
        audit.record(by, "action updated", Long.toString(id), draft.status().code());
        return true;
    }

    /** Work that has begun and has no start date given began today. */
    private static Draft withStart(Draft draft, LocalDate today) {
        if (draft.startedOn() != null || !draft.status().begun()) {
            return draft;
        }
        return new Draft(draft.title(), draft.details(), draft.service(), draft.owner(), draft.dueOn(), draft.status(),
                draft.reason(), draft.themes(), draft.feedbackItems(), draft.recommendations(), draft.measures(), today,
                draft.responses());
    }

    private void addUpdate(long id, LocalDate on, Status status, @Nullable String note, String by) {
        jdbc.prepareStatement("INSERT INTO action_updates (action_id, happened_on, status, note, recorded_by) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, id);
            ps.setDate(2, Date.valueOf(on));
            ps.setString(3, status.code());
            ps.setString(4, note);
            ps.setString(5, by);
            return ps.executeUpdate();
        });
    }

    /** Every action's timeline, oldest step first, by action id. */
    @Transactional(readOnly = true)
    public Map<Long, List<Update>> updates() {
        Map<Long, List<Update>> updates = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT action_id, happened_on, status, note FROM action_updates "
                + "ORDER BY action_id, happened_on, id", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    updates.computeIfAbsent(rs.getLong(1), a -> new ArrayList<>()).add(new Update(rs.getLong(1),
                            rs.getDate(2).toLocalDate(), Status.fromCode(rs.getString(3)).orElse(Status.PLANNED),
                            rs.getString(4)));
                }
            }
            return null;
        });
        return updates;
    }

    /** The actions that answer a survey response's words or a feedback item, by its id. */
    @Transactional(readOnly = true)
    public List<Long> answering(@Nullable Long responseId, @Nullable Long itemId) {
        return jdbc.prepareStatement("SELECT action_id FROM action_responses WHERE response_id = ? UNION "
                + "SELECT action_id FROM action_feedback WHERE item_id = ?", ps -> {
            ps.setObject(1, responseId);
            ps.setObject(2, itemId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
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

    /** The survey response id of a reference a family was given, if it is one. */
    public Optional<Long> responseId(String reference) {
        return responses.byReference(reference).map(ResponseRecords.Held::responseId);
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
        ps.setString(7, draft.status() == Status.DROPPED ? draft.reason() : null);
        ps.setString(8, by);
        ps.setDate(9, draft.startedOn() == null ? null : Date.valueOf(draft.startedOn()));
    }

    private void links(long id, Draft draft) {
        link("INSERT INTO action_themes (action_id, theme_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id, draft.themes());
        link("INSERT INTO action_feedback (action_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                draft.feedbackItems());
        link("INSERT INTO action_recommendations (action_id, recommendation_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                draft.recommendations());
        link("INSERT INTO action_measures (action_id, measure_id) VALUES (?, ?) ON CONFLICT DO NOTHING", id,
                draft.measures());
        for (String reference : draft.responses()) {
            // A response erased since the form was checked is simply not linked.
            responseId(reference).ifPresent(responseId -> jdbc.prepareStatement("INSERT INTO action_responses "
                    + "(action_id, response_id, reference) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
                ps.setLong(1, id);
                ps.setLong(2, responseId);
                ps.setString(3, reference);
                return ps.executeUpdate();
            }));
        }
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
                + "ARRAY(SELECT measure_id FROM action_measures m WHERE m.action_id = a.id ORDER BY measure_id), "
                + "a.started_on, "
                + "ARRAY(SELECT reference FROM action_responses s WHERE s.action_id = a.id ORDER BY reference) "
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
                    Date started = rs.getDate(14);
                    actions.add(new Action(rs.getLong(1), new Draft(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), due == null ? null : due.toLocalDate(),
                            Status.fromCode(rs.getString(7)).orElse(Status.PLANNED), rs.getString(8),
                            List.of((String[]) rs.getArray(10).getArray()), longs(rs, 11), longs(rs, 12), longs(rs, 13),
                            started == null ? null : started.toLocalDate(),
                            List.of((String[]) rs.getArray(15).getArray())),
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
