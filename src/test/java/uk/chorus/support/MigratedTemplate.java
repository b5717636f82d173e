package uk.chorus.support;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The template every test database is copied from: an empty database migrated once with this
 * build's Flyway migrations. Its name carries a digest of the migration files, so a changed
 * migration never reuses a stale template; forks and parallel runs on the same machine agree
 * through an advisory lock, and a template appears under its final name only once complete.
 */
final class MigratedTemplate {
    private static String name;

    private MigratedTemplate() {
    }

    static synchronized String name() {
        if (name == null) {
            name = ensure("chorus_tmpl_" + migrationsDigest());
        }
        return name;
    }

    private static String ensure(String template) {
        try (Connection admin = TestDatabase.connect(TestDatabase.urlOf("postgres"));
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('chorus-test-template'))");
            try {
                if (!exists(admin, template)) {
                    String building = template + "_building";
                    statement.execute("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
                    statement.execute("CREATE DATABASE " + building);
                    Flyway.configure()
                            .dataSource(TestDatabase.urlOf(building), TestDatabase.USER, TestDatabase.PASSWORD)
                            .locations("classpath:db/migration")
                            .load()
                            .migrate();
                    statement.execute("ALTER DATABASE " + building + " RENAME TO " + template);
                }
            } finally {
                statement.execute("SELECT pg_advisory_unlock(hashtext('chorus-test-template'))");
            }
            return template;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the migrated template database: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A digest of every migration's name and content, as the tests' class path holds them. */
    private static String migrationsDigest() {
        URL folder = MigratedTemplate.class.getClassLoader().getResource("db/migration");
        if (folder == null) {
            throw new IllegalStateException("No db/migration on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.sorted().toList();
            for (Path file : sorted) {
                digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
