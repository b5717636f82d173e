package uk.chorus.database;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A machine with no PostgreSQL: the service starts its own, keeps its data across a restart and
 * stops it on shutdown. PostgreSQL refuses to run as root, so when the tests run as root (as on
 * our CI machines) the service is run as an ordinary user with runuser, from a copy of its
 * classpath that user can read; and as root itself, it must refuse in one sentence.
 * "Nothing answers at the default address" is made true by pointing the default at a closed port.
 */
class EmbeddedDatabaseTest {
    private static final String USER = "chorus-embedded";
    private static final String NOTHING_THERE = "-Dchorus.database.default-url=jdbc:postgresql://127.0.0.1:1/chorus";
    private static final String JSON = "{\"submissionId\": \"%s\", \"answers\": {\"ehcp_status\": \"neither\", "
            + "\"child_age\": \"5-10\", \"primary_need\": \"slcn\", \"school_phase\": \"primary\", "
            + "\"needs_met_education\": \"agree\", \"needs_met_health\": \"agree\", \"needs_met_care\": \"agree\", "
            + "\"local_offer_aware\": \"no\", \"transition_recent\": \"no\", \"feel_listened_to\": \"agree\", "
            + "\"recommend_support\": 9}}";

    @Test
    void withNoPostgresTheServiceRunsItsOwnAndKeepsItsDataAcrossARestart() throws Exception {
        boolean root = EmbeddedDatabase.runningAsRoot();
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                "runuser is needed to run the service as an ordinary user");
        Path home = Files.createTempDirectory("chorus-embedded");
        Path classes = copyClasspath(home);
        Path data = home.resolve("data");
        Files.createDirectories(data);
        copyFolder(Path.of("surveys"), home.resolve("surveys"));
        if (root) {
            run("sh", "-c", "id -u " + USER + " >/dev/null 2>&1 || useradd --system --no-create-home --shell "
                    + "/usr/sbin/nologin " + USER);
            run("chown", "-R", USER, home.toString());
            run("chmod", "755", home.toString());
        }
        int port = freePort();
        Path log = home.resolve("service.log");
        UUID submission = UUID.randomUUID();

        Process first = start(root, home, classes, port, log);
        try {
            waitUntilHealthy(port, first, log);
            assertThat(Files.readString(log)).contains("No PostgreSQL on localhost:5432: Chorus started its own "
                    + "(PostgreSQL 17");
            assertThat(post(port, submission).status()).isEqualTo(201);
        } finally {
            stop(first);
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
        assertThat(postgresRunningOn(data)).as("the embedded server stopped with the service").isFalse();

        Process second = start(root, home, classes, port, log);
        try {
            waitUntilHealthy(port, second, log);
            // The same submission again: found in the data kept from the first run, stored once.
            assertThat(post(port, submission).status()).isEqualTo(200);
        } finally {
            stop(second);
        }
    }

    @Test
    void asRootItSaysWhyInOneSentenceInsteadOfAStackTrace() throws Exception {
        assumeTrue(EmbeddedDatabase.runningAsRoot(), "only root is refused");
        Process service = new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED", NOTHING_THERE, "-cp", classpath(), "uk.chorus.Application")
                .redirectErrorStream(true).start();
        String output = new String(service.getInputStream().readAllBytes());
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isEqualTo(1);
        assertThat(output.strip()).isEqualTo("No PostgreSQL answers on localhost:5432, and Chorus cannot start its own "
                + "while it runs as root (PostgreSQL refuses to): run Chorus as an ordinary user, start PostgreSQL "
                + "(`docker compose up -d db`), or set DATABASE_URL.");
    }

    private static Process start(boolean root, Path home, Path classes, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.addAll(List.of("env", "PORT=" + port, "CHORUS_DATA_DIR=" + home.resolve("data"),
                "CHORUS_SURVEYS_DIR=" + home.resolve("surveys"), "CHORUS_AREA_NAME=Testshire",
                java(), "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + home, NOTHING_THERE,
                "-cp", classes + "/classes:" + classes + "/lib/*", "uk.chorus.Application"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The service's classes and jars, copied where an ordinary user can read them (root's home is closed). */
    private static Path copyClasspath(Path home) throws IOException {
        Path target = home.resolve("cp");
        copyFolder(Path.of("target/classes"), target.resolve("classes"));
        Files.createDirectories(target.resolve("lib"));
        for (String jar : Files.readString(Path.of("target/runtime-classpath.txt")).strip().split(":")) {
            Path source = Path.of(jar);
            Files.copy(source, target.resolve("lib").resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Api.Reply post(int port, UUID submission) {
        return new Api(URI.create("http://127.0.0.1:" + port)).postJson("/api/v1/surveys/family-voice-2026/responses",
                JSON.formatted(submission));
    }

    private static void waitUntilHealthy(int port, Process process, Path log) throws Exception {
        try {
            await("the service's /health on port " + port).atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the service stopped while starting", () -> !process.isAlive())
                    .until(() -> healthy(port));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + ":\n" + Files.readString(log), e);
        }
    }

    private static boolean healthy(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                    .toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A polite stop (SIGTERM to the service, not to runuser), so shutdown hooks stop PostgreSQL. */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static boolean postgresRunningOn(Path data) throws IOException {
        Path pid = data.resolve("postgres/postmaster.pid");
        return Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
                .map(ProcessHandle::isAlive).orElse(false);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() throws IOException {
        return "target/classes:" + Files.readString(Path.of("target/runtime-classpath.txt")).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
