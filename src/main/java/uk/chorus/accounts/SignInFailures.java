package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong passwords counted per email and client address pair, whether or not the email has an
 * account: five in a row lock that pair for a while. Someone guessing from elsewhere locks only
 * themselves out, and a locked answer says nothing about whether the account exists. Only a hash
 * of the pair is kept.
 */
@Singleton
@Connectable
class SignInFailures {
    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    private final JdbcOperations jdbc;

    SignInFailures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String email, String clientAddress) {
        return Tokens.hash(email + "|" + clientAddress);
    }

    /** When the pair is locked, until when. */
    Optional<Instant> lockedUntil(String key, Instant now) {
        return jdbc.prepareStatement("SELECT locked_until FROM sign_in_failures WHERE key_hash = ?", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(1) == null) {
                    return Optional.empty();
                }
                Instant until = rs.getTimestamp(1).toInstant();
                return until.isAfter(now) ? Optional.of(until) : Optional.empty();
            }
        });
    }

    /** Counts a failure (a lock that ran out starts a fresh count); returns failures in a row. */
    int record(String key, Instant now) {
        return jdbc.prepareStatement("INSERT INTO sign_in_failures (key_hash, failures, locked_until, updated_at) "
                + "VALUES (?, 1, NULL, now()) ON CONFLICT (key_hash) DO UPDATE SET "
                + "failures = CASE WHEN sign_in_failures.locked_until <= ? THEN 1 ELSE sign_in_failures.failures + 1 END, "
                + "locked_until = CASE WHEN sign_in_failures.locked_until <= ? THEN NULL "
                + "WHEN sign_in_failures.failures + 1 >= ? THEN ? ELSE sign_in_failures.locked_until END, "
                + "updated_at = now() RETURNING failures", ps -> {
            ps.setString(1, key);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, LOCK_AFTER);
            ps.setTimestamp(5, Timestamp.from(now.plus(LOCK_FOR)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    void clear(String key) {
        jdbc.prepareStatement("DELETE FROM sign_in_failures WHERE key_hash = ?", ps -> {
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    /** Forgets counts nobody has added to for a day. */
    @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "1h", initialDelay = "15m")
    void forgetOld() {
        jdbc.prepareStatement("DELETE FROM sign_in_failures WHERE updated_at < now() - interval '1 day'",
                ps -> ps.executeUpdate());
    }
}
