package uk.chorus.audit;

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
 * exports, erasure, role changes. Every feature writes to it through this bean. Rows can never be
 * deleted, so every field is bounded here (and by a check in the table): a stranger who sends a
 * huge email address must not be able to grow the log without limit. Callers refuse over-long
 * input before they get here; cutting is the last line of defence, not the plan.
 */
@Singleton
@Connectable // joins the caller's transaction when there is one, so an action and its entry commit together
public class AuditLog {
    /** The longest an email address can be (RFC 5321), and so the longest actor. */
    public static final int LONGEST_ACTOR = 254;
    static final int LONGEST_ACTION = 64;
    static final int LONGEST_SUBJECT = 200;
    static final int LONGEST_DETAIL = 1000;
    private final JdbcOperations jdbc;

    AuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    /** One page of entries, newest first; {@code older} is the id to pass for the next page, if any. */
    public record Page(List<Entry> entries, @Nullable Long older) {
    }

    public void record(String actor, String action, @Nullable String subject, @Nullable String detail) {
        jdbc.prepareStatement("INSERT INTO audit_log (actor, action, subject, detail) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, bounded(actor, LONGEST_ACTOR));
            ps.setString(2, bounded(action, LONGEST_ACTION));
            ps.setString(3, bounded(subject, LONGEST_SUBJECT));
            ps.setString(4, bounded(detail, LONGEST_DETAIL));
            return ps.executeUpdate();
        });
    }

    /**
     * Deletes entries older than {@code keepDays} (the table's trigger refuses anything under 365
     * days, whatever is asked here). Runs in its own transaction: the trigger allows deletion only
     * where this transaction has said so.
     */
    @io.micronaut.transaction.annotation.Transactional
    public int purgeOlderThan(int keepDays) {
        int days = Math.max(365, keepDays);
        jdbc.prepareStatement("SELECT set_config('chorus.audit_purge', 'on', true), "
                + "set_config('chorus.audit_keep_days', ?, true)", ps -> {
            ps.setString(1, Integer.toString(days));
            ps.executeQuery().close();
            return null;
        });
        return jdbc.prepareStatement("DELETE FROM audit_log WHERE at < now() - make_interval(days => ?)", ps -> {
            ps.setInt(1, days);
            return ps.executeUpdate();
        });
    }

    /**
     * Entries newest first, optionally one action and/or an actor containing some text, older
     * than {@code before} (an entry id) when paging on.
     */
    public Page search(@Nullable String action, @Nullable String actor, @Nullable Long before, int pageSize) {
        String a = action == null ? "" : bounded(action, LONGEST_ACTION);
        String who = actor == null ? "" : bounded(actor, LONGEST_ACTOR);
        List<Entry> entries = jdbc.prepareStatement("SELECT id, at, actor, action, subject, detail FROM audit_log "
                + "WHERE (? = '' OR action = ?) AND (? = '' OR strpos(lower(actor), lower(?)) > 0) "
                + "AND (?::bigint IS NULL OR id < ?) ORDER BY id DESC LIMIT ?", ps -> {
            ps.setString(1, a);
            ps.setString(2, a);
            ps.setString(3, who);
            ps.setString(4, who);
            ps.setObject(5, before);
            ps.setObject(6, before);
            ps.setInt(7, pageSize + 1);
            List<Entry> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return found;
        });
        if (entries.size() <= pageSize) {
            return new Page(entries, null);
        }
        List<Entry> page = List.copyOf(entries.subList(0, pageSize));
        return new Page(page, page.get(page.size() - 1).id());
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

    /** Cuts text to a limit, by code point, marking the cut so a reader knows something was left off. */
    static String bounded(@Nullable String text, int limit) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "…";
    }
}
