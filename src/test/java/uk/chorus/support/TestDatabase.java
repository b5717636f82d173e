package uk.chorus.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A freshly created PostgreSQL database for each test class, dropped when the test run ends.
 * Uses the local server (DATABASE_ADMIN_URL, default the machine's own on 127.0.0.1:5432).
 */
public final class TestDatabase {
    private static final String ADMIN_URL = env("DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = env("DATABASE_USER", "postgres");
    public static final String PASSWORD = env("DATABASE_PASSWORD", "");
    private static final List<String> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
    }

    private TestDatabase() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static synchronized String fresh() {
        String name = "chorus_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        CREATED.add(name);
        return urlOf(name);
    }

    public static String urlOf(String name) {
        return ADMIN_URL.replaceFirst("/postgres$", "/" + name);
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Drops a database this run made (tests of first start create their own). */
    public static synchronized void forget(String name) {
        CREATED.add(name);
    }

    private static synchronized void dropAll() {
        for (String name : CREATED) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + ADMIN_URL + " (" + e.getMessage() + ")", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
