package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts in PostgreSQL. */
@Singleton
@Connectable
public class Accounts {
    private static final String COLUMNS = "id, email, display_name, role, password_hash, deactivated_at IS NOT NULL";
    private final JdbcOperations jdbc;

    Accounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE email = ?", ps -> {
            ps.setString(1, normalise(email));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
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
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY deactivated_at IS NOT NULL, "
                + "role, email", ps -> {
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(read(rs));
                }
            }
            return accounts;
        });
    }

    long activeAdmins() {
        return jdbc.prepareStatement("SELECT count(*) FROM accounts WHERE role = 'admin' AND deactivated_at IS NULL",
                ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    void changePassword(long id, String passwordHash) {
        jdbc.prepareStatement("UPDATE accounts SET password_hash = ? WHERE id = ?", ps -> {
            ps.setString(1, passwordHash);
            ps.setLong(2, id);
            return ps.executeUpdate();
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

    void setDeactivated(long id, boolean deactivated) {
        update("UPDATE accounts SET deactivated_at = CASE WHEN ? THEN now() ELSE NULL END WHERE id = ?", deactivated,
                id);
    }

    private void update(String sql, Object... values) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        });
    }

    /** Reads an account from the first six columns, in the order of COLUMNS. */
    static Account read(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                Role.fromName(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getBoolean(6));
    }
}
