package uk.chorus.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A freshly created PostgreSQL database for each test class, dropped when the test run ends. Each is
 * a copy of a template database already migrated to this build's migrations (named by a digest of
 * them, made once per machine and reused while the migrations stay the same), so a test service's
 * Flyway finds nothing to do; a changed or added migration makes a new template.
 * Uses the local server (DATABASE_ADMIN_URL, default the machine's own on 127.0.0.1:5432); on a
 * machine with none, the same embedded PostgreSQL the service falls back to, started once for the
 * whole run, so `mvn test` needs only a JDK.
 */
public final class TestDatabase {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static uk.chorus.database.EmbeddedDatabase embedded;
    private static final String ADMIN_URL = adminUrl();
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
        admin("CREATE DATABASE " + name + " TEMPLATE " + MigratedTemplate.name());
        CREATED.add(name);
        return urlOf(name);
    }

    /** Creates a database with nothing in it, not even the migrations (to restore a backup into). */
    public static synchronized String empty() {
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
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                System.err.println("The tests' embedded PostgreSQL did not stop cleanly: " + e.getMessage());
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

    private static String adminUrl() {
        String configured = System.getenv("DATABASE_ADMIN_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (uk.chorus.database.EmbeddedDatabase.answers(LOCAL)) {
            return LOCAL;
        }
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("chorus-test-postgres");
            embedded = uk.chorus.database.EmbeddedDatabase.start(dir.resolve("postgres"));
            System.err.println("Tests use an embedded PostgreSQL on port " + embedded.port()
                    + " (nothing answers on 127.0.0.1:5432).");
            return embedded.url("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Tests need PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
