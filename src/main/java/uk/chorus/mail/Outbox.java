package uk.chorus.mail;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Email to send, written in the same transaction as whatever asked for it (an invitation is
 * queued exactly when the organisation is marked invited), and sent in the background by
 * MailSender with retries. {@code about} says what a message concerns ("pledge-org:12"), so a
 * feature can show each recipient's latest status.
 */
@Singleton
public class Outbox {
    private final JdbcOperations jdbc;

    Outbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public enum Status { QUEUED, SENT, FAILED, BOUNCED }

    public record Message(String to, String subject, String body, String about) {
    }

    @Transactional
    public void queue(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO mail_outbox (to_address, subject, body, about) VALUES (?, ?, ?, ?)", ps -> {
            for (Message message : messages) {
                ps.setString(1, message.to());
                ps.setString(2, message.subject());
                ps.setString(3, message.body());
                ps.setString(4, message.about());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** The newest message's status for each subject that starts with {@code prefix}. */
    @Transactional(readOnly = true)
    public Map<String, Status> latestStatus(String prefix) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT DISTINCT ON (about) about, status FROM mail_outbox WHERE about LIKE ? "
                + "ORDER BY about, id DESC", ps -> {
            ps.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), Status.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)));
                }
            }
            return null;
        });
        return statuses;
    }

    /** How many messages are in each state, for the settings page and tests. */
    @Transactional(readOnly = true)
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT status, count(*) FROM mail_outbox GROUP BY status", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Status.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getLong(2));
                }
            }
            return null;
        });
        return counts;
    }

    record Due(long id, String to, String subject, String body, int attempts) {
    }

    /** Takes up to {@code limit} due messages for this instance; others skip them while it holds them. */
    List<Due> due(int limit) {
        return jdbc.prepareStatement("SELECT id, to_address, subject, body, attempts FROM mail_outbox "
                + "WHERE status = 'queued' AND next_attempt_at <= now() ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", ps -> {
            ps.setInt(1, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                }
            }
            return due;
        });
    }

    /** Sent: the body (which may hold a link that is a key) is not kept, only that it went and to whom. */
    void sent(long id) {
        jdbc.prepareStatement("UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, "
                + "last_error = NULL, body = '' WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    /** A failed attempt: tried again later with growing waits, or given up (bounced when the server refused the address). */
    void failed(long id, int attempts, String error, boolean permanent, int maxAttempts) {
        String status = permanent ? "bounced" : attempts + 1 >= maxAttempts ? "failed" : "queued";
        long waitSeconds = Math.min(6 * 3600, 30L << Math.min(10, attempts));
        jdbc.prepareStatement("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?", ps -> {
            ps.setString(1, status);
            ps.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setLong(3, waitSeconds);
            ps.setLong(4, id);
            return ps.executeUpdate();
        });
    }
}
