package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts in PostgreSQL. */
@Singleton
@Connectable
public class Accounts {
    private static final String COLUMNS = "id, email, display_name, role, password_hash, failed_sign_ins, locked_until";
    private final JdbcOperations jdbc;

    Accounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> byEmail(String email) {
        return one("SELECT " + COLUMNS + " FROM accounts WHERE email = ?", normalise(email));
    }

    public Optional<Account> byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    public List<Account> all() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY role, email", ps -> {
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(read(rs));
                }
            }
            return accounts;
        });
    }

    boolean anyAdmin() {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM accounts WHERE role = 'admin')", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Creates an account; empty when the email is already taken. */
    Optional<Long> create(String email, String displayName, Role role, String passwordHash) {
        return jdbc.prepareStatement("INSERT INTO accounts (email, display_name, role, password_hash) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id", ps -> {
            ps.setString(1, normalise(email));
            ps.setString(2, displayName);
            ps.setString(3, role.roleName());
            ps.setString(4, passwordHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        });
    }

    void changeRole(long id, Role role) {
        update("UPDATE accounts SET role = ? WHERE id = ?", role.roleName(), id);
    }

    /** Counts a failure and, at the limit, locks the account until the given time. */
    int recordFailure(long id, int lockAfter, Instant lockUntil) {
        return jdbc.prepareStatement("UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1, "
                + "locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END "
                + "WHERE id = ? RETURNING failed_sign_ins", ps -> {
            ps.setInt(1, lockAfter);
            ps.setTimestamp(2, Timestamp.from(lockUntil));
            ps.setLong(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    void recordSuccess(long id) {
        update("UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", id);
    }

    /** A lock that has run out starts a fresh count of failures. */
    void clearExpiredLock(long id) {
        update("UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = ? AND locked_until <= now()",
                id);
    }

    private Optional<Account> one(String sql, String value) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private void update(String sql, Object... values) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        });
    }

    /** Reads an account from the first seven columns, in the order of COLUMNS. */
    static Account read(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp(7);
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.fromName(rs.getString(4)).orElseThrow(),
                rs.getString(5), rs.getInt(6), locked == null ? null : locked.toInstant());
    }
}
