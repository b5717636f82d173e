package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One-time invitation links that expire; only their hash is stored, except for the few minutes
 * the administrator who made a link may still need to copy it (see {@code invitation_links}).
 * One email has at most one live link: inviting again withdraws the earlier one.
 */
@Singleton
@Connectable
class Invitations {
    static final Duration LIFETIME = Duration.ofDays(7);
    /** How long the page after making a link can show it again (a refresh, a slow copy). */
    static final Duration SHOWN_FOR = Duration.ofMinutes(15);
    /** How long a used, expired or withdrawn invitation stays in the list. */
    static final Duration LISTED_FOR = Duration.ofDays(30);
    private final JdbcOperations jdbc;

    Invitations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Invitation(String email, Role role) {
    }

    enum Status { WAITING, ACCEPTED, EXPIRED, WITHDRAWN }

    /** An invitation as administrators see it listed; never its secret. */
    record Listed(long id, String email, Role role, String invitedBy, Instant createdAt, Instant expiresAt,
                  Status status) {
        boolean waiting() {
            return status == Status.WAITING;
        }
    }

    record Created(long id, String token) {
    }

    @Transactional
    Created create(String email, Role role, long invitedBy) {
        String normalised = Accounts.normalise(email);
        jdbc.prepareStatement("UPDATE invitations SET revoked_at = now() WHERE email = ? AND used_at IS NULL "
                + "AND revoked_at IS NULL AND expires_at > now()", ps -> {
            ps.setString(1, normalised);
            return ps.executeUpdate();
        });
        String token = Tokens.newToken();
        long id = jdbc.prepareStatement("INSERT INTO invitations (token_hash, email, role, invited_by, expires_at) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setString(1, Tokens.hash(token));
            ps.setString(2, normalised);
            ps.setString(3, role.roleName());
            ps.setLong(4, invitedBy);
            ps.setTimestamp(5, Timestamp.from(Instant.now().plus(LIFETIME)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        keepToShow(id, invitedBy, token);
        return new Created(id, token);
    }

    /**
     * A new secret for an invitation not yet accepted (or withdrawn): the old link stops working
     * and the new one works for another {@link #LIFETIME}. Empty when there is nothing to renew.
     */
    @Transactional
    Optional<String> renew(long id, long by) {
        String token = Tokens.newToken();
        int renewed = jdbc.prepareStatement("UPDATE invitations SET token_hash = ?, expires_at = ? "
                + "WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL", ps -> {
            ps.setString(1, Tokens.hash(token));
            ps.setTimestamp(2, Timestamp.from(Instant.now().plus(LIFETIME)));
            ps.setLong(3, id);
            return ps.executeUpdate();
        });
        if (renewed == 0) {
            return Optional.empty();
        }
        keepToShow(id, by, token);
        return Optional.of(token);
    }

    /** Withdraws a waiting invitation; false if it was used, withdrawn or expired already. */
    @Transactional
    boolean revoke(long id) {
        jdbc.prepareStatement("DELETE FROM invitation_links WHERE invitation_id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("UPDATE invitations SET revoked_at = now() WHERE id = ? AND used_at IS NULL "
                + "AND revoked_at IS NULL AND expires_at > now()", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }) == 1;
    }

    /** The link just made, for the administrator who made it, while {@link #SHOWN_FOR} lasts. */
    Optional<String> linkFor(long id, long accountId) {
        return jdbc.prepareStatement("SELECT l.token FROM invitation_links l JOIN invitations i ON i.id = l.invitation_id "
                + "WHERE l.invitation_id = ? AND l.shown_to = ? AND l.expires_at > now() AND i.used_at IS NULL "
                + "AND i.revoked_at IS NULL", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    Optional<Listed> find(long id) {
        List<Listed> found = listed("WHERE i.id = ?", id);
        return found.stream().findFirst();
    }

    /** Waiting invitations first, then the last month's accepted, expired and withdrawn, newest first. */
    List<Listed> recent() {
        return listed("WHERE i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() "
                + "OR i.created_at > now() - make_interval(days => ?::int)", LISTED_FOR.toDays());
    }

    private List<Listed> listed(String where, long parameter) {
        return jdbc.prepareStatement("SELECT i.id, i.email, i.role, coalesce(a.display_name, ''), i.created_at, "
                + "i.expires_at, i.used_at IS NOT NULL, i.revoked_at IS NOT NULL, i.expires_at <= now() "
                + "FROM invitations i LEFT JOIN accounts a ON a.id = i.invited_by " + where
                + " ORDER BY (i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) DESC, "
                + "i.created_at DESC, i.id DESC LIMIT 200", ps -> {
            ps.setLong(1, parameter);
            List<Listed> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(listed(rs));
                }
            }
            return found;
        });
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        Status status = rs.getBoolean(7) ? Status.ACCEPTED : rs.getBoolean(8) ? Status.WITHDRAWN
                : rs.getBoolean(9) ? Status.EXPIRED : Status.WAITING;
        return new Listed(rs.getLong(1), rs.getString(2), Role.fromName(rs.getString(3)).orElseThrow(),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), status);
    }

    private void keepToShow(long id, long accountId, String token) {
        jdbc.prepareStatement("DELETE FROM invitation_links WHERE expires_at <= now() OR invitation_id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO invitation_links (invitation_id, shown_to, token, expires_at) "
                + "VALUES (?, ?, ?, ?)", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, accountId);
            ps.setString(3, token);
            ps.setTimestamp(4, Timestamp.from(Instant.now().plus(SHOWN_FOR)));
            return ps.executeUpdate();
        });
    }

    Optional<Invitation> open(String token) {
        return query("SELECT email, role FROM invitations WHERE token_hash = ? AND used_at IS NULL "
                + "AND revoked_at IS NULL AND expires_at > now()", token);
    }

    /** Uses the invitation up; empty if it was already used, withdrawn or has expired (one statement, so once only). */
    @Transactional
    Optional<Invitation> use(String token) {
        Optional<Invitation> used = query("UPDATE invitations SET used_at = now() WHERE token_hash = ? AND used_at IS NULL "
                + "AND revoked_at IS NULL AND expires_at > now() RETURNING email, role", token);
        if (used.isPresent()) {
            jdbc.prepareStatement("DELETE FROM invitation_links WHERE invitation_id IN "
                    + "(SELECT id FROM invitations WHERE token_hash = ?)", ps -> {
                ps.setString(1, Tokens.hash(token));
                return ps.executeUpdate();
            });
        }
        return used;
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
                        : Optional.<Invitation>empty();
            }
        });
    }
}
