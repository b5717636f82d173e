package uk.chorus.database;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Makes sure the configured database exists before the service starts, creating it on a fresh
 * machine, and turns "PostgreSQL is not there" into one sentence that says what to do.
 */
public final class DatabaseBootstrap {
    private static final String DATABASE_MISSING = "3D000";
    // Database names are written into CREATE DATABASE, which takes no parameters; only plain names pass.
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,63}");

    private DatabaseBootstrap() {
    }

    /** Thrown with a sentence fit to print as it is. */
    public static final class Unreachable extends Exception {
        public Unreachable(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    public static void ensureDatabase(String url, String user, String password) throws Unreachable {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new Unreachable("DATABASE_URL is not a PostgreSQL JDBC URL (like "
                    + "jdbc:postgresql://localhost:5432/chorus): " + url, null);
        }
        String name = parsed.getProperty("PGDBNAME");
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!DATABASE_MISSING.equals(e.getSQLState())) {
                throw unreachable(parsed, e);
            }
        }
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new Unreachable("The database '" + name + "' does not exist and its name is not one Chorus will "
                    + "create; create it yourself or name a database of letters, digits and underscores.", null);
        }
        String maintenance = url.replaceFirst("/" + Pattern.quote(name) + "(\\?|$)", "/postgres$1");
        try (Connection connection = DriverManager.getConnection(maintenance, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another instance: fine
                throw new Unreachable("The database '" + name + "' does not exist and could not be created ("
                        + e.getMessage() + "). Create it, or set DATABASE_USER to a user allowed to.", e);
            }
        }
    }

    private static Unreachable unreachable(Properties parsed, SQLException e) {
        String where = parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
        if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
            return new Unreachable("PostgreSQL at " + where + " refused the user name or password: set "
                    + "DATABASE_USER and DATABASE_PASSWORD.", e);
        }
        return new Unreachable("Chorus cannot reach PostgreSQL at " + where + ". Start one with "
                + "`docker compose up -d db`, or set DATABASE_URL to a database that is running.", e);
    }
}
