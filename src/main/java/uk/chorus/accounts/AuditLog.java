package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of who did what: sign-ins and failures, viewing a single response,
 * exports, erasure, role changes. Every feature writes to it through this bean.
 */
@Singleton
@Connectable
public class AuditLog {
    private static final int PAGE = 200;
    private final JdbcOperations jdbc;

    AuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.prepareStatement("INSERT INTO audit_log (actor, action, subject, detail) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, subject == null ? "" : subject);
            ps.setString(4, detail == null ? "" : detail);
            return ps.executeUpdate();
        });
    }

    /** The newest entries, optionally only one action and/or one actor. */
    public List<Entry> search(@Nullable String action, @Nullable String actor) {
        return jdbc.prepareStatement("SELECT id, at, actor, action, subject, detail FROM audit_log "
                + "WHERE (? = '' OR action = ?) AND (? = '' OR actor ILIKE '%' || ? || '%') "
                + "ORDER BY id DESC LIMIT " + PAGE, ps -> {
            String a = action == null ? "" : action;
            String who = actor == null ? "" : actor;
            ps.setString(1, a);
            ps.setString(2, a);
            ps.setString(3, who);
            ps.setString(4, who);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return entries;
        });
    }

    public List<String> actions() {
        return jdbc.prepareStatement("SELECT DISTINCT action FROM audit_log ORDER BY action", ps -> {
            List<String> actions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            return actions;
        });
    }
}
