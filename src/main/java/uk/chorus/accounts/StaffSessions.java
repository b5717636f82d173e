package uk.chorus.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in sessions and API tokens, stored as hashes in PostgreSQL so every instance sees them.
 * A browser session ends at its absolute expiry, or after CHORUS_STAFF_IDLE_MINUTES with no use,
 * whichever comes first; a deactivated account's sessions sign nobody in.
 */
@Singleton
@Connectable
public class StaffSessions {
    static final Duration BROWSER_LIFETIME = Duration.ofHours(10);
    static final Duration API_LIFETIME = Duration.ofMinutes(30);
    // Last use is written at most this often, so reading a page is not a write every time.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final JdbcOperations jdbc;
    private final Duration idle;

    StaffSessions(JdbcOperations jdbc, @Value("${chorus.staff.idle-minutes:30}") int idleMinutes) {
        this.jdbc = jdbc;
        this.idle = Duration.ofMinutes(Math.max(1, idleMinutes));
    }

    /** A live session: who, what kind, and its CSRF token for staff forms. */
    record Live(Account account, String kind, String csrfToken) {
    }

    /** Starts a session and returns the secret to hand the person (cookie or bearer token). */
    String start(long accountId, String kind, Duration lifetime) {
        String token = Tokens.newToken();
        jdbc.prepareStatement("INSERT INTO staff_sessions (token_hash, account_id, kind, csrf_token, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, Tokens.hash(token));
            ps.setLong(2, accountId);
            ps.setString(3, kind);
            ps.setString(4, Tokens.newToken());
            ps.setTimestamp(5, Timestamp.from(Instant.now().plus(lifetime)));
            return ps.executeUpdate();
        });
        return token;
    }

    Optional<Live> find(String token, String kind) {
        String hash = Tokens.hash(token);
        Optional<Object[]> found = jdbc.prepareStatement("SELECT a.id, a.email, a.display_name, a.role, "
                + "a.password_hash, a.deactivated_at IS NOT NULL, s.csrf_token, s.last_seen_at "
                + "FROM staff_sessions s JOIN accounts a ON a.id = s.account_id "
                + "WHERE s.token_hash = ? AND s.kind = ? AND s.expires_at > now() AND a.deactivated_at IS NULL "
                + "AND (s.kind = 'api' OR s.last_seen_at > now() - make_interval(mins => ?))", ps -> {
            ps.setString(1, hash);
            ps.setString(2, kind);
            ps.setInt(3, (int) idle.toMinutes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Object[]{new Live(Accounts.read(rs), kind, rs.getString(7)),
                        rs.getTimestamp(8).toInstant()});
            }
        });
        found.ifPresent(row -> {
            if (((Instant) row[1]).isBefore(Instant.now().minus(TOUCH_EVERY))) {
                jdbc.prepareStatement("UPDATE staff_sessions SET last_seen_at = now() WHERE token_hash = ?", ps -> {
                    ps.setString(1, hash);
                    return ps.executeUpdate();
                });
            }
        });
        return found.map(row -> (Live) row[0]);
    }

    void end(String token) {
        jdbc.prepareStatement("DELETE FROM staff_sessions WHERE token_hash = ?", ps -> {
            ps.setString(1, Tokens.hash(token));
            return ps.executeUpdate();
        });
    }

    /** Forgets sessions and tokens that have expired or gone idle; they sign nobody in already. */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void deleteExpired() {
        jdbc.prepareStatement("DELETE FROM staff_sessions WHERE expires_at < now() "
                + "OR (kind = 'browser' AND last_seen_at < now() - make_interval(mins => ?))", ps -> {
            ps.setInt(1, (int) idle.toMinutes());
            return ps.executeUpdate();
        });
    }

    /** Signs a person out everywhere, as when their role changes or their account is deactivated. */
    void endAllFor(long accountId) {
        jdbc.prepareStatement("DELETE FROM staff_sessions WHERE account_id = ?", ps -> {
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        });
    }
}
