package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Signed-in sessions and API tokens, stored as hashes in PostgreSQL so every instance sees them. */
@Singleton
@Connectable
public class StaffSessions {
    static final Duration BROWSER_LIFETIME = Duration.ofHours(10);
    static final Duration API_LIFETIME = Duration.ofMinutes(30);
    private final JdbcOperations jdbc;

    StaffSessions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.prepareStatement("SELECT a.id, a.email, a.display_name, a.role, a.password_hash, "
                + "a.failed_sign_ins, a.locked_until, s.csrf_token FROM staff_sessions s JOIN accounts a "
                + "ON a.id = s.account_id WHERE s.token_hash = ? AND s.kind = ? AND s.expires_at > now()", ps -> {
            ps.setString(1, Tokens.hash(token));
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Account account = Accounts.read(rs);
                return Optional.of(new Live(account, kind, rs.getString(8)));
            }
        });
    }

    void end(String token) {
        jdbc.prepareStatement("DELETE FROM staff_sessions WHERE token_hash = ?", ps -> {
            ps.setString(1, Tokens.hash(token));
            return ps.executeUpdate();
        });
    }

    /** Forgets sessions and tokens that have expired; they sign nobody in already. */
    @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void deleteExpired() {
        jdbc.prepareStatement("DELETE FROM staff_sessions WHERE expires_at < now()", ps -> ps.executeUpdate());
    }

    /** Signs a person out everywhere, as when their role changes. */
    void endAllFor(long accountId) {
        jdbc.prepareStatement("DELETE FROM staff_sessions WHERE account_id = ?", ps -> {
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        });
    }
}
