package uk.chorus;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import uk.chorus.database.DatabaseBootstrap;
import uk.chorus.database.EmbeddedDatabase;
import uk.chorus.web.Home;

import java.nio.file.Path;

public class Application {

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
            return;
        }
        // chorus.database.default-url stands in for localhost:5432 when that port is taken by a
        // server a test must not use.
        String defaultUrl = System.getProperty("chorus.database.default-url", EmbeddedDatabase.DEFAULT_URL);
        if (EmbeddedDatabase.answers(defaultUrl)) {
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
        System.out.println("No PostgreSQL on localhost:5432: Chorus started its own (PostgreSQL 17, port "
                + database.port() + ") with its data in " + directory + ". It stops when Chorus stops. For a "
                + "service people rely on, run a managed PostgreSQL and set DATABASE_URL.");
    }

    /** Reads the data source settings the service will use (application.yml and env) before it starts. */
    private static void ensureDatabase(String[] args) throws DatabaseBootstrap.Unreachable {
        try (ApplicationContext settings = ApplicationContext.builder(Application.class).args(args).build()) {
            var env = settings.getEnvironment().start();
            DatabaseBootstrap.ensureDatabase(
                    env.getRequiredProperty("datasources.default.url", String.class),
                    env.getRequiredProperty("datasources.default.username", String.class),
                    env.getProperty("datasources.default.password", String.class).orElse(""));
        }
    }
}
