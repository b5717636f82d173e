package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One-time invitation links that expire; only their hash is stored. */
@Singleton
@Connectable
class Invitations {
    static final Duration LIFETIME = Duration.ofDays(7);
    private final JdbcOperations jdbc;

    Invitations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Invitation(String email, Role role) {
    }

    String create(String email, Role role, long invitedBy) {
        String token = Tokens.newToken();
        jdbc.prepareStatement("INSERT INTO invitations (token_hash, email, role, invited_by, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, Tokens.hash(token));
            ps.setString(2, Accounts.normalise(email));
            ps.setString(3, role.roleName());
            ps.setLong(4, invitedBy);
            ps.setTimestamp(5, Timestamp.from(Instant.now().plus(LIFETIME)));
            return ps.executeUpdate();
        });
        return token;
    }

    Optional<Invitation> open(String token) {
        return query("SELECT email, role FROM invitations WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > now()", token);
    }

    /** Uses the invitation up; empty if it was already used or has expired (one statement, so once only). */
    Optional<Invitation> use(String token) {
        return query("UPDATE invitations SET used_at = now() WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > now() RETURNING email, role", token);
    }

    private Optional<Invitation> query(String sql, String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, Tokens.hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Invitation(rs.getString(1), Role.fromName(rs.getString(2)).orElseThrow()))
                        : Optional.empty();
            }
        });
    }
}
